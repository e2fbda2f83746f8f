/**
 * What the transmitter answers, as classes so the OpenAPI document carries
 * their schemas (the @nestjs/swagger build plugin reads these types).
 */
export class StreamDeliveryView {
  method: string;
  endpoint_url?: string;
}

/** Stream configuration as receivers read it (SSF 1.0 §8.1.1); the push credential is never shown. */
export class StreamConfiguration {
  stream_id: string;
  iss: string;
  aud: string;
  delivery: StreamDeliveryView;
  events_supported: string[];
  events_requested: string[];
  events_delivered: string[];
  description?: string;
  min_verification_interval: number;
}

export class StreamStatusView {
  stream_id: string;
  status: 'enabled' | 'paused' | 'disabled';
  reason?: string;
}

/** RFC 8936 §2.5: tokens by jti. */
export class PollResponse {
  sets: Record<string, string>;
  moreAvailable: boolean;
}

export class AuthorizationScheme {
  spec_urn: string;
}

/** Transmitter configuration metadata (SSF 1.0 §7.1). */
export class TransmitterConfiguration {
  spec_version: string;
  issuer: string;
  jwks_uri: string;
  delivery_methods_supported: string[];
  configuration_endpoint: string;
  status_endpoint: string;
  verification_endpoint: string;
  add_subject_endpoint: string;
  remove_subject_endpoint: string;
  authorization_schemes: AuthorizationScheme[];
  default_subjects: string;
}

export class PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export class JsonWebKeySet {
  keys: PublicJwk[];
}
