/**
 * Beans: what shared-model registers in every service that has it on its classpath (Micronaut finds them at
 * compile time, so a service gets them without naming them), one sub-package per feature: filters, exception
 * handlers, Kafka listeners and clients, factories, lifecycle hooks. Most switch themselves on or off with
 * {@code @Requires}. Everything outside {@code dev.verifier.shared.runtime} is stateless types and helpers that no
 * service gets unless it creates them; shared-model's {@code RuntimePackagesTest} keeps it that way.
 */
package dev.verifier.shared.runtime;
