/**
 * Stateless types and helpers: DPoP (RFC 9449). {@link dev.verifier.shared.dpop.DPoPProofVerifier} is the one place
 * where a proof is checked ({@code typ}, algorithm, public {@code jwk}, signature, {@code htm}, {@code htu},
 * {@code iat}, {@code nonce}, {@code ath}, single-use {@code jti}), wherever it is presented: token-service's
 * {@code /token}, authorize-service's {@code /par} and {@code /userinfo}, resource-api. Each service creates its
 * verifier with its own replay store ({@link dev.verifier.shared.clientauth.JtiStore}) and clock skew;
 * {@link dev.verifier.shared.dpop.DPoPNonces} are verifiable by every copy that shares the configured secret.
 */
package dev.verifier.shared.dpop;
