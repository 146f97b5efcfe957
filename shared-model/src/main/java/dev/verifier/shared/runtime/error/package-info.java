/**
 * Beans registered in every service: the exception handlers that render every error in the RFC shape (OAuthException, malformed bodies, bad charsets) and the response processor.
 */
package dev.verifier.shared.runtime.error;
