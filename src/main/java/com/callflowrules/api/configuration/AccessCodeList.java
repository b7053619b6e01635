package com.callflowrules.api.configuration;

import com.callflowrules.api.requests.RequestBinder;
import com.callflowrules.facts.AccessCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A room's access codes: each an object with 1 to 16 digits ({@link AccessCode#FORMAT}) and a
 * role. A role that is none of the roles reaches here as {@code null}, its value already reported
 * by the binder ({@link RequestBinder}). Each wrong part is its own violation at its place
 * ({@code access_codes[0].role}). {@code null} is valid (no codes).
 */
@Documented
@Constraint(validatedBy = AccessCodeList.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface AccessCodeList {

    String ROLE_RULE = "must be host, participant or listener";

    String message() default "must be a list of \\{access_code, role\\}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** One violation per wrong part of each code. */
    final class Check implements ConstraintValidator<AccessCodeList, List<AccessCode>> {

        @Override
        public boolean isValid(List<AccessCode> codes, ConstraintValidatorContext context) {
            if (codes == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            for (int i = 0; i < codes.size(); i++) {
                AccessCode code = codes.get(i);
                if (code == null) {
                    context.buildConstraintViolationWithTemplate("must be an object \\{access_code, role\\}")
                            .addBeanNode()
                            .inIterable()
                            .atIndex(i)
                            .addConstraintViolation();
                    valid = false;
                    continue;
                }
                if (!AccessCode.wellFormed(code.accessCode())) {
                    valid = violation(context, i, "accessCode", "must be 1 to 16 digits");
                }
                if (code.role() == null) {
                    valid = violation(context, i, "role", ROLE_RULE);
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, int index, String part, String message) {
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(part)
                    .inIterable()
                    .atIndex(index)
                    .addConstraintViolation();
            return false;
        }
    }
}
