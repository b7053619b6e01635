package com.callflowrules.api.requests;

import com.callflowrules.decision.DecisionEngine;
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
 * The sid or the name of a call flow of the running rule base. The check is made by the
 * rule base itself ({@link DecisionEngine#callFlow}), injected by Spring into the validator, so
 * a reference is refused together with every other wrong field. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = KnownCallFlow.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownCallFlow {

    public String message() default "names no call flow";

    public Class<?>[] groups() default {};

    public Class<? extends Payload>[] payload() default {};

    /** Asks the running rule base; the value goes in as a message parameter, never as template text. */
    public final class Check implements ConstraintValidator<KnownCallFlow, String> {

        private final DecisionEngine engine;

        Check(DecisionEngine engine) {
            this.engine = engine;
        }

        @Override
        public boolean isValid(String sidOrName, ConstraintValidatorContext context) {
            if (sidOrName == null || engine.callFlow(sidOrName).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("value", sidOrName)
                    .buildConstraintViolationWithTemplate("'{value}' names no call flow")
                    .addConstraintViolation();
            return false;
        }
    }
}
