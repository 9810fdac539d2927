using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Access;

/// <summary>API bearer tokens: short-lived ones from sign-in and personal ones a person names and revokes.</summary>
public sealed class AccessTokenService(RucheDbContext db, Audit.AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromHours(8);
    private const string SecretPrefix = "ruche_";
    private const int MaxPersonalDays = 366;

    public async Task<IssuedToken> IssueSignInTokenAsync(long personId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        return await IssueAsync(personId, "sign-in", AccessTokenKind.SignIn, now.Add(SignInLifetime), null, cancellationToken);
    }

    /// <summary>
    /// A named token with the scopes asked for (read and write when none are). <paramref name="ceiling"/> is what the
    /// caller's own token may do, when a token makes another: a new token never gets more than the one that made it.
    /// </summary>
    public async Task<IssuedToken> CreatePersonalAsync(
        Viewer viewer, string? name, int? expiresInDays, IReadOnlyCollection<string>? scopeNames, TokenScopes? ceiling, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 100)
        {
            throw RucheException.Invalid("token.name-invalid", "A token needs a name of 1 to 100 characters.");
        }

        var days = expiresInDays ?? 90;
        if (days is < 1 or > MaxPersonalDays)
        {
            throw RucheException.Invalid("token.expiry-invalid", $"A token expires after 1 to {MaxPersonalDays} days.");
        }

        var scopes = scopeNames is { Count: > 0 } ? TokenScopeNames.Parse(scopeNames) : TokenScopeNames.Default;
        if (ceiling is { } limit && (scopes & ~limit) != TokenScopes.None)
        {
            throw RucheException.Forbidden("token.scope-exceeds", "A token cannot make another token with more scopes than its own.");
        }

        if (scopes.HasFlag(TokenScopes.Admin) && !viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("token.scope-admin", "Only administrators make tokens with the admin scope.");
        }

        var issued = await IssueAsync(viewer.PersonId, trimmed, AccessTokenKind.Personal, time.UtcNow().AddDays(days), scopes, cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "token.created", $"token:{issued.Id}", new { days, scopes = TokenScopeNames.Names(scopes) }, cancellationToken);
        return issued;
    }

    public async Task<IReadOnlyList<AccessTokenView>> ListPersonalAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var rows = await db.AccessTokens.Where(t => t.PersonId == viewer.PersonId && t.Kind == AccessTokenKind.Personal)
            .OrderByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.Scopes })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new AccessTokenView(
            t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, TokenScopeNames.Names(t.Scopes ?? TokenScopeNames.Unrestricted)))];
    }

    public async Task RevokeAsync(Viewer viewer, long tokenId, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.PersonId == viewer.PersonId, cancellationToken)
            ?? throw RucheException.NotFound("token.not-found", "No such token.");
        token.RevokedAt ??= time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "token.revoked", $"token:{token.Id}", null, cancellationToken);
    }

    /// <summary>Who a presented secret stands for and what it may do, or null if it is unknown, expired, revoked or theirs no longer.</summary>
    public async Task<TokenHolder?> ValidateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        var hash = Secrets.Hash(secret);
        var now = time.UtcNow();
        return await db.AccessTokens
            .Where(t => t.TokenHash == hash && t.Kind != AccessTokenKind.Scim && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && t.Person!.IsActive)
            .Select(t => new TokenHolder(t.PersonId, t.Scopes))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Which of these presented secrets are still valid, in one query: for connections (the live channel) that outlive
    /// the request that checked their token.
    /// </summary>
    public async Task<IReadOnlySet<string>> StillValidAsync(IReadOnlyCollection<string> secrets, CancellationToken cancellationToken)
    {
        var byHash = secrets.Distinct(StringComparer.Ordinal).ToDictionary(Secrets.Hash, secret => secret, StringComparer.Ordinal);
        var hashes = byHash.Keys.ToList();
        var now = time.UtcNow();
        var valid = await db.AccessTokens
            .Where(t => hashes.Contains(t.TokenHash) && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && t.Person!.IsActive)
            .Select(t => t.TokenHash)
            .ToListAsync(cancellationToken);
        return valid.Select(hash => byHash[hash]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A new SCIM token for the directory (valid a year); the previous one stops working.</summary>
    public async Task<IssuedToken> CreateScimAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators connect a directory.");
        }

        var now = time.UtcNow();
        await db.AccessTokens.Where(t => t.Kind == AccessTokenKind.Scim && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        var issued = await IssueAsync(viewer.PersonId, "scim", AccessTokenKind.Scim, now.AddDays(MaxPersonalDays), null, cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "scim.token-created", $"token:{issued.Id}", null, cancellationToken);
        return issued;
    }

    /// <summary>Whether a secret is the current SCIM token (and the administrator who made it still is one).</summary>
    public async Task<bool> ValidateScimAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return false;
        }

        var hash = Secrets.Hash(secret);
        var now = time.UtcNow();
        return await db.AccessTokens.AnyAsync(
            t => t.TokenHash == hash && t.Kind == AccessTokenKind.Scim && t.RevokedAt == null && t.ExpiresAt > now && t.Person!.IsActive
                && db.UserRoles.Any(ur => ur.UserId == t.PersonId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == RoleNames.Administrator)),
            cancellationToken);
    }

    private async Task<IssuedToken> IssueAsync(long personId, string name, AccessTokenKind kind, DateTime expiresAt, TokenScopes? scopes, CancellationToken cancellationToken)
    {
        var secret = Secrets.New(SecretPrefix);
        var token = new AccessToken
        {
            PersonId = personId,
            Name = name,
            Kind = kind,
            TokenHash = Secrets.Hash(secret),
            Prefix = secret[..12],
            CreatedAt = time.UtcNow(),
            ExpiresAt = expiresAt,
            Scopes = scopes,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token.Id, secret, expiresAt);
    }
}

public sealed record IssuedToken(long Id, string Token, DateTime ExpiresAt);

public sealed record AccessTokenView(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, IReadOnlyList<string> Scopes);

/// <summary>The person behind a valid token and its scopes (null: unrestricted).</summary>
public sealed record TokenHolder(long PersonId, TokenScopes? Scopes);
