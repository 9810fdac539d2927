using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ruche.Tests.Sso;

/// <summary>
/// A small but real OpenID Connect provider on a loopback port: discovery, authorization code with PKCE (S256),
/// client secret check, RS256-signed ID tokens, JWKS and userinfo. It signs in whoever the test says is next.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "ruche";
    public const string ClientSecret = "test-client-secret";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private readonly ConcurrentDictionary<string, TestUser> accessTokens = new();
    private WebApplication? app;

    public string Authority { get; private set; } = string.Empty;

    /// <summary>Who the next authorization request signs in (the provider's own login is not under test).</summary>
    public TestUser? NextUser { get; set; }

    public int TokenRequests { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["userinfo_endpoint"] = Authority + "/userinfo",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "form_post", "query" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)Token);
        app.MapGet("/userinfo", (HttpContext http) =>
        {
            var bearer = http.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
            return accessTokens.TryGetValue(bearer, out var user) ? Results.Json(Claims(user)) : Results.Unauthorized();
        });
        await app.StartAsync();
        Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        IResult Authorize(HttpContext http)
        {
            var q = http.Request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            {
                return Results.BadRequest("invalid_request");
            }

            var user = NextUser ?? throw new InvalidOperationException("The test did not say who signs in.");
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            grants[code] = new Grant(user, q["redirect_uri"]!, q["code_challenge"]!, q["nonce"]);
            var fields = new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"] };
            if (q["response_mode"] == "form_post")
            {
                var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(f.Value)}\"/>"));
                return Results.Content($"<html><body><form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(q["redirect_uri"])}\">{inputs}</form></body></html>", "text/html");
            }

            return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(q["redirect_uri"]!, fields));
        }

        async Task<IResult> Token(HttpContext http)
        {
            TokenRequests++;
            var form = await http.Request.ReadFormAsync();
            var (clientId, secret) = ClientCredentials(http, form);
            if (clientId != ClientId || secret != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
            }

            var claims = Claims(grant.User);
            if (grant.Nonce is not null)
            {
                claims["nonce"] = grant.Nonce;
            }

            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
                Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
            var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            accessTokens[accessToken] = grant.User;
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        rsa.Dispose();
    }

    private static Dictionary<string, object> Claims(TestUser user)
    {
        var claims = new Dictionary<string, object> { ["sub"] = user.Subject, ["email"] = user.Email, ["email_verified"] = user.EmailVerified, ["name"] = user.Name };
        if (user.Department is not null)
        {
            claims["department"] = user.Department;
        }

        if (user.Site is not null)
        {
            claims["site"] = user.Site;
        }

        return claims;
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpContext http, IFormCollection form)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private sealed record Grant(TestUser User, string RedirectUri, string CodeChallenge, string? Nonce);
}

public sealed record TestUser(string Subject, string Email, bool EmailVerified, string Name, string? Department = null, string? Site = null);
