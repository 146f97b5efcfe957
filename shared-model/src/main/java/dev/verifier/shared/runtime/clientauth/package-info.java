/**
 * Beans registered in every service: the ClientAssertionTiming bean from verifier.client-auth.*.
 */
package dev.verifier.shared.runtime.clientauth;
