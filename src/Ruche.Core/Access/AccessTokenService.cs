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
        return await IssueAsync(personId, "sign-in", AccessTokenKind.SignIn, now.Add(SignInLifetime), cancellationToken);
    }

    public async Task<IssuedToken> CreatePersonalAsync(Viewer viewer, string? name, int? expiresInDays, CancellationToken cancellationToken)
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

        var issued = await IssueAsync(viewer.PersonId, trimmed, AccessTokenKind.Personal, time.UtcNow().AddDays(days), cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "token.created", $"token:{issued.Id}", new { days }, cancellationToken);
        return issued;
    }

    public async Task<IReadOnlyList<AccessTokenView>> ListPersonalAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.AccessTokens.Where(t => t.PersonId == viewer.PersonId && t.Kind == AccessTokenKind.Personal)
            .OrderByDescending(t => t.Id)
            .Select(t => new AccessTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    public async Task RevokeAsync(Viewer viewer, long tokenId, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.PersonId == viewer.PersonId, cancellationToken)
            ?? throw RucheException.NotFound("token.not-found", "No such token.");
        token.RevokedAt ??= time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "token.revoked", $"token:{token.Id}", null, cancellationToken);
    }

    /// <summary>The person a presented secret stands for, or null if it is unknown, expired, revoked or theirs no longer.</summary>
    public async Task<long?> ValidateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        var hash = Secrets.Hash(secret);
        var now = time.UtcNow();
        return await db.AccessTokens
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && t.Person!.IsActive)
            .Select(t => (long?)t.PersonId)
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

    private async Task<IssuedToken> IssueAsync(long personId, string name, AccessTokenKind kind, DateTime expiresAt, CancellationToken cancellationToken)
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
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token.Id, secret, expiresAt);
    }
}

public sealed record IssuedToken(long Id, string Token, DateTime ExpiresAt);

public sealed record AccessTokenView(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt);
