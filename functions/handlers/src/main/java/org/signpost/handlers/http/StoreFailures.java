package org.signpost.handlers.http;

import java.util.Optional;
import java.util.Set;
import org.signpost.core.errors.SignpostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Decides which AWS SDK failures mean "the store is down or busy, try again", so that callers
 * answer 503 with Retry-After instead of 500. The one place that knows the SDK's failure types.
 */
public final class StoreFailures {
  private static final Set<String> BUSY =
      Set.of(
          "ProvisionedThroughputExceededException",
          "RequestLimitExceeded",
          "ThrottlingException",
          "LimitExceededException",
          "InternalServerError",
          "ServiceUnavailable");

  private StoreFailures() {}

  /** The unavailable error this failure stands for, or empty when it is a bug, not an outage. */
  public static Optional<SignpostException.Unavailable> asUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SdkClientException) {
        // Raised before any answer from the service: refused, reset or timed-out connections.
        return Optional.of(new SignpostException.Unavailable("the data store cannot be reached"));
      }
      if (t instanceof SdkServiceException service
          && (service.isThrottlingException()
              || service.statusCode() >= 500
              || (service instanceof AwsServiceException aws
                  && aws.awsErrorDetails() != null
                  && BUSY.contains(aws.awsErrorDetails().errorCode())))) {
        return Optional.of(new SignpostException.Unavailable("the data store is busy"));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
