package com.callflowrules.api.requests;

import com.callflowrules.properties.PropertyType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A value of one of the property schema's types, checked by the schema itself ({@link
 * PropertyType#check}), so a request field and a property of that type accept the same text and
 * are refused with the same reason. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = OfPropertyType.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface OfPropertyType {

    public PropertyType value();

    public String message() default "";

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};

    /** Reports the schema's own reason, with the value, as the violation's message. */
    public final class Check implements ConstraintValidator<OfPropertyType, String> {

        private PropertyType type;

        @Override
        public void initialize(OfPropertyType annotation) {
            type = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return type.check(value)
                    .map(reason -> {
                        context.disableDefaultConstraintViolation();
                        // the value goes in as a message parameter, never as template text
                        context.unwrap(HibernateConstraintValidatorContext.class)
                                .addMessageParameter("value", value)
                                .buildConstraintViolationWithTemplate("'{value}' " + reason.replace("{", "\\{"))
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
