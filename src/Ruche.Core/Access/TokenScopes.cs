using Ruche.Core.Common;

namespace Ruche.Core.Access;

/// <summary>
/// What a personal access token may do on the API, chosen when it is made: read (GET, HEAD), write (every other
/// method) and admin (the /api/v1/admin endpoints, still only for administrators). A ceiling over the person's own
/// rights, never a grant beyond them.
/// </summary>
[Flags]
public enum TokenScopes
{
    None = 0,
    Read = 1,
    Write = 2,
    Admin = 4,
}

public static class TokenScopeNames
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    /// <summary>A new token without a choice can read and write, as tokens could before scopes existed.</summary>
    public const TokenScopes Default = TokenScopes.Read | TokenScopes.Write;

    /// <summary>What a token without recorded scopes may do (sign-in tokens, tokens older than scopes).</summary>
    public const TokenScopes Unrestricted = TokenScopes.Read | TokenScopes.Write | TokenScopes.Admin;

    public static TokenScopes Parse(IEnumerable<string>? names)
    {
        var scopes = TokenScopes.None;
        foreach (var name in names ?? [])
        {
            scopes |= name?.Trim().ToLowerInvariant() switch
            {
                Read => TokenScopes.Read,
                Write => TokenScopes.Write,
                Admin => TokenScopes.Admin,
                _ => throw RucheException.Invalid("token.scope-invalid", "A token's scopes are among \"read\", \"write\" and \"admin\"."),
            };
        }

        return scopes;
    }

    public static IReadOnlyList<string> Names(TokenScopes scopes) =>
        [.. new[] { (TokenScopes.Read, Read), (TokenScopes.Write, Write), (TokenScopes.Admin, Admin) }
            .Where(s => scopes.HasFlag(s.Item1)).Select(s => s.Item2)];
}
