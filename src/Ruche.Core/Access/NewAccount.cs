namespace Ruche.Core.Access;

public sealed record NewAccount(string? Email, string? DisplayName, string? Password, string? TimeZone);

public sealed record IssuedInvitation(long Id, string Email, string Token, DateTime ExpiresAt);
