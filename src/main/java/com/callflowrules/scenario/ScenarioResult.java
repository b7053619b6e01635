package com.callflowrules.scenario;

import java.util.List;
import java.util.Map;

/** What running one scenario gave: per step, the observed fields and the expectations that failed. */
public record ScenarioResult(Scenario scenario, List<StepResult> steps) {

    public boolean passed() {
        return steps.stream().allMatch(step -> step.mismatches().isEmpty());
    }

    public List<StepResult> failedSteps() {
        return steps.stream().filter(step -> !step.mismatches().isEmpty()).toList();
    }

    /** A step: what was observed after it (field name to value) and which expectations it broke. */
    public record StepResult(Scenario.Step step, Map<String, String> observed, List<Mismatch> mismatches) {}

    /** An expectation broken: the field, the value written and the value observed. */
    public record Mismatch(String field, String expected, String actual) {

        @Override
        public String toString() {
            return field + ": expected " + expected + ", actual " + actual;
        }
    }

    /** A report of every failure: scenario file, step, and expected beside actual. */
    public String report() {
        StringBuilder report = new StringBuilder();
        for (StepResult step : failedSteps()) {
            for (Mismatch mismatch : step.mismatches()) {
                report.append(scenario.file())
                        .append(": ")
                        .append(step.step().describe())
                        .append(": ")
                        .append(mismatch)
                        .append('\n');
            }
        }
        return report.toString();
    }
}
