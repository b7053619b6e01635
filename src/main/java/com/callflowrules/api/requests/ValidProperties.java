package com.callflowrules.api.requests;

import com.callflowrules.properties.PropertySchema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Property overrides, each key a key of the property schema and each value one its type takes,
 * checked by the schema itself ({@link PropertySchema#check}) so the API and the rule base refuse
 * the same values for the same reason. Each wrong entry is its own violation, at the entry's key
 * ({@code properties.conference_start_wait}). {@code null} is valid (no overrides).
 */
@Documented
@Constraint(validatedBy = ValidProperties.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidProperties {

    public String message() default "must be a string";

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};

    /** One violation per wrong entry, with the schema's reason. */
    public final class Check implements ConstraintValidator<ValidProperties, Map<String, String>> {

        private static final PropertySchema SCHEMA = PropertySchema.standard();

        @Override
        public boolean isValid(Map<String, String> properties, ConstraintValidatorContext context) {
            if (properties == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                String value = entry.getValue();
                if (value == null) {
                    valid = violation(context, entry.getKey(), "must be a string", null);
                    continue;
                }
                var violation = SCHEMA.check(entry.getKey(), value);
                if (violation.isPresent()) {
                    valid = violation(
                            context,
                            entry.getKey(),
                            "'{value}' " + escaped(violation.get().reason()),
                            value);
                }
            }
            return valid;
        }

        private static boolean violation(
                ConstraintValidatorContext context, String key, String template, String value) {
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("value", value == null ? "" : value)
                    .buildConstraintViolationWithTemplate(template)
                    .addBeanNode()
                    .inIterable()
                    .atKey(key)
                    .addConstraintViolation();
            return false;
        }

        private static String escaped(String reason) {
            return reason.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
