import 'server-only';
import Credential, { DefaultCredentialsProvider } from '@alicloud/credentials';
import { notConfiguredError } from './aliyun-error';

// The SDK does not fall back to the default credential chain by itself, so it gets a Credential wrapping our
// provider. The wrapper exists for two reasons: the stock chain remembers the *last provider it tried* even when
// every provider failed (so the second failure is an unrelated ECS-metadata network error), and its error
// messages can quote credential files. We rebuild the chain after a failure and throw our own not_configured.

type ChainCredentials = Awaited<ReturnType<DefaultCredentialsProvider['getCredentials']>>;

class ResettingDefaultChain {
  private chain: DefaultCredentialsProvider | null = null;

  async getCredentials(): Promise<ChainCredentials> {
    this.chain ??= DefaultCredentialsProvider.builder().build();
    try {
      const credentials = await this.chain.getCredentials();
      if (!credentials.accessKeyId || !credentials.accessKeySecret) throw new Error('empty credentials');
      return credentials;
    } catch {
      this.chain = null;
      throw notConfiguredError();
    }
  }

  getProviderName(): string {
    // Not `bearer` / `id_token`: the SDK treats any other type as an AccessKey pair and signs with it.
    return 'kvstore-default-chain';
  }
}

let shared: { provider: ResettingDefaultChain; credential: Credential } | null = null;

function getShared() {
  if (!shared) {
    const provider = new ResettingDefaultChain();
    shared = { provider, credential: new Credential(null, provider) };
  }
  return shared;
}

/** The one Credential every SDK client shares, so the chain (and any STS refresh) runs once per process. */
export function getSharedCredential(): Credential {
  return getShared().credential;
}

export interface CredentialsCheck {
  ok: boolean;
  /** Which link of the chain answered, e.g. `default/env`; never the key itself. */
  source?: string;
  message?: string;
}

/** For the health route: resolves the chain locally, without calling Alibaba Cloud. */
export async function checkCredentials(): Promise<CredentialsCheck> {
  try {
    const credentials = await getShared().provider.getCredentials();
    return { ok: true, source: credentials.providerName || 'default' };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : notConfiguredError().message };
  }
}

export function resetCredentialsForTests(): void {
  shared = null;
}
