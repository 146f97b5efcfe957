package dev.verifier.shared.beanfixture;

import jakarta.inject.Singleton;

/** A test fixture: a bean outside {@code dev.verifier.shared.runtime} that {@code RuntimePackagesTest} must find. */
@Singleton
public class MisplacedBean {
}
