/**
 * Beans registered in every service: TopicsFactory: the topics a service uses, created at start-up when missing.
 */
package dev.verifier.shared.runtime.kafka;
