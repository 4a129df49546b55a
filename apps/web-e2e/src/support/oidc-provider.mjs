// A real OpenID Connect provider (the oidc-provider package) for the browser tests, run as its own
// process (the package is ESM-only). Its development sign-in form takes any login: the login is the
// email address; addresses starting with "unverified" come back with email_verified=false.
// Env: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI. Prints "oidc provider ready" once listening.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: [process.env.REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  cookies: { keys: ['test-only-cookie-key'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id.toLowerCase(), email_verified: !id.toLowerCase().startsWith('unverified'), name: id };
      },
    };
  },
});
provider.listen(port, '127.0.0.1', () => console.log('oidc provider ready'));
