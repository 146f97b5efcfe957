/**
 * Beans registered in every service: graceful termination: draining readiness, in-flight requests, the shutdown
 * configuration; the HTTP status of health answers.
 */
package dev.verifier.shared.runtime.lifecycle;
