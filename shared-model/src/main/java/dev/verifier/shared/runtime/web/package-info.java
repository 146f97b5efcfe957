/**
 * Beans registered in every service: SourceAddresses: the client address of a request behind trusted proxies.
 */
package dev.verifier.shared.runtime.web;
