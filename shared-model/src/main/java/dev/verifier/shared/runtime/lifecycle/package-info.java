/**
 * Beans registered in every service: graceful termination: draining readiness, in-flight requests, the shutdown configuration.
 */
package dev.verifier.shared.runtime.lifecycle;
