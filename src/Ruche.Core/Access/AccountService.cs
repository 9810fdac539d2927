using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Access;

/// <summary>How people arrive: an administrator's invitation or open registration; and who holds which role.</summary>
public sealed class AccountService(RucheDbContext db, UserManager<Person> users, Audit.AuditLog audit, TimeProvider time, IEnumerable<IRoleChangeWatcher> watchers)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public async Task<CompanySettings> SettingsAsync(CancellationToken cancellationToken) =>
        await db.CompanySettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new CompanySettings();

    public async Task SetOpenRegistrationAsync(Viewer viewer, bool open, string? domain, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var trimmed = string.IsNullOrWhiteSpace(domain) ? null : domain.Trim().TrimStart('@').ToLowerInvariant();
        if (trimmed is not null && (trimmed.Length > 255 || Uri.CheckHostName(trimmed) != UriHostNameType.Dns))
        {
            throw RucheException.Invalid("settings.domain-invalid", "The registration domain is a host name such as example.com.");
        }

        var settings = await db.CompanySettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new CompanySettings();
            db.CompanySettings.Add(settings);
        }

        settings.OpenRegistration = open;
        settings.RegistrationDomain = trimmed;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "settings.registration", "company", new { open, domain = trimmed }, cancellationToken);
    }

    public async Task<IssuedInvitation> InviteAsync(Viewer viewer, string? email, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var address = NormalizeEmail(email);
        if (await users.FindByEmailAsync(address) is not null)
        {
            throw RucheException.Conflict("account.email-taken", "Someone already has an account with this address.");
        }

        var token = Secrets.New("inv_");
        var now = time.UtcNow();
        var invitation = new Invitation
        {
            Email = address,
            TokenHash = Secrets.Hash(token),
            InvitedById = viewer.PersonId,
            CreatedAt = now,
            ExpiresAt = now.Add(InvitationLifetime),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "invitation.created", $"invitation:{invitation.Id}", null, cancellationToken);
        return new IssuedInvitation(invitation.Id, address, token, invitation.ExpiresAt);
    }

    /// <summary>The address an invitation is for, or null when it is unknown, used or expired.</summary>
    public async Task<string?> InvitationEmailAsync(string? token, CancellationToken cancellationToken)
    {
        var invitation = await OpenInvitationAsync(token, cancellationToken);
        return invitation?.Email;
    }

    public async Task<Person> AcceptInvitationAsync(string? token, NewAccount account, CancellationToken cancellationToken)
    {
        var invitation = await OpenInvitationAsync(token, cancellationToken)
            ?? throw RucheException.Invalid("invitation.invalid", "This invitation is unknown, used or expired.");
        var person = await CreateAsync(account with { Email = invitation.Email, Password = account.Password ?? string.Empty }, cancellationToken, beforeCommit: () =>
        {
            invitation.AcceptedAt = time.UtcNow();
        });
        return person;
    }

    /// <summary>True before anyone has an account: the first person to register becomes administrator.</summary>
    public async Task<bool> IsFirstRunAsync(CancellationToken cancellationToken) => !await db.People.AnyAsync(cancellationToken);

    public async Task<Person> RegisterAsync(NewAccount account, CancellationToken cancellationToken)
    {
        // Registering always sets a password (null would make an account only single sign-on can open).
        account = account with { Password = account.Password ?? string.Empty };
        if (await IsFirstRunAsync(cancellationToken))
        {
            var founder = await CreateAsync(account, cancellationToken);
            ThrowIfFailed(await users.AddToRoleAsync(founder, RoleNames.Administrator));
            return founder;
        }

        var settings = await SettingsAsync(cancellationToken);
        if (!settings.OpenRegistration)
        {
            throw RucheException.Forbidden("registration.closed", "Registration is by invitation only.");
        }

        var email = NormalizeEmail(account.Email);
        if (settings.RegistrationDomain is { } domain && !email.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))
        {
            throw RucheException.Forbidden("registration.domain", $"Registration is open to @{domain} addresses only.");
        }

        return await CreateAsync(account with { Email = email }, cancellationToken);
    }

    /// <summary>
    /// Creates a person with the employee role, in the Café space — all or nothing. A null password makes an
    /// account that only single sign-on opens.
    /// </summary>
    public async Task<Person> CreateAsync(NewAccount account, CancellationToken cancellationToken, Action? beforeCommit = null, Action<Person>? initialize = null)
    {
        var email = NormalizeEmail(account.Email);
        var name = account.DisplayName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > Limits.DisplayNameMaxLength)
        {
            throw RucheException.Invalid("profile.name-invalid", $"A name has 1 to {Limits.DisplayNameMaxLength} characters.");
        }

        var timeZone = string.IsNullOrWhiteSpace(account.TimeZone) ? "Europe/Paris" : account.TimeZone;
        if (!TimeZones.IsValid(timeZone))
        {
            throw RucheException.Invalid("profile.time-zone-invalid", $"'{timeZone}' is not an IANA time zone such as Europe/Paris.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw RucheException.Conflict("account.email-taken", "Someone already has an account with this address.");
        }

        var now = time.UtcNow();
        var person = new Person
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            Handle = await UniqueHandleAsync(name, cancellationToken),
            TimeZone = timeZone,
            CreatedAt = now,
        };
        initialize?.Invoke(person);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // No password: the person signs in through single sign-on only.
        IdentityResult created;
        try
        {
            created = account.Password is null ? await users.CreateAsync(person) : await users.CreateAsync(person, account.Password);
        }
        catch (DbUpdateException)
        {
            // Two creations of one address at once: the unique index keeps one, the other learns the address is taken.
            // The caller may check its own unique columns (a directory's externalId) the same way. PostgreSQL refuses
            // every statement of a failed transaction: it ends before the check.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var normalized = email.ToUpperInvariant();
            if (await db.People.AnyAsync(p => p.NormalizedEmail == normalized, cancellationToken))
            {
                throw RucheException.Conflict("account.email-taken", "Someone already has an account with this address.");
            }

            throw;
        }

        ThrowIfFailed(created);
        ThrowIfFailed(await users.AddToRoleAsync(person, RoleNames.Employee));
        var cafe = await db.Spaces.Where(s => s.IsDefault).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (cafe is { } cafeId)
        {
            db.SpaceMemberships.Add(new SpaceMembership { SpaceId = cafeId, PersonId = person.Id, Role = SpaceRole.Member, Status = MembershipStatus.Active, CreatedAt = now });
        }

        beforeCommit?.Invoke();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(person.Id, "account.created", $"person:{person.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }

    public async Task<CompanySettings> SettingsForAdministratorAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        return await SettingsAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var person = await users.FindByIdAsync(personId.ToString(CultureInfo.InvariantCulture))
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        return (await users.GetRolesAsync(person)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces a person's company roles. Everyone keeps "employee"; the last administrator stays one.</summary>
    public async Task SetRolesAsync(Viewer viewer, long personId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var unknown = roles.Where(r => !RoleNames.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            throw RucheException.Invalid("role.unknown", $"Unknown roles: {string.Join(", ", unknown)}.");
        }

        var person = await users.FindByIdAsync(personId.ToString(CultureInfo.InvariantCulture))
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        var wanted = roles.Append(RoleNames.Employee).ToHashSet(StringComparer.Ordinal);
        var current = (await users.GetRolesAsync(person)).ToHashSet(StringComparer.Ordinal);
        if (current.Contains(RoleNames.Administrator) && !wanted.Contains(RoleNames.Administrator))
        {
            await Administrators.RequireAnotherThanAsync(users, personId);
        }

        // An administrator never runs a union's space: a delegate who owns or moderates one is not made administrator.
        if (wanted.Contains(RoleNames.Administrator) && !current.Contains(RoleNames.Administrator)
            && await db.SpaceMemberships.AnyAsync(m => m.PersonId == personId && m.IsModerating() && m.Space!.KeepsMembersPrivate(), cancellationToken))
        {
            throw RucheException.Conflict("role.administrator-runs-union-space", "This person runs a union or staff-representation space: they cannot be an administrator too.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowIfFailed(await users.RemoveFromRolesAsync(person, current.Except(wanted)));
        ThrowIfFailed(await users.AddToRolesAsync(person, wanted.Except(current)));

        // Role changes take effect at the next request, not at the next sign-in.
        ThrowIfFailed(await users.UpdateSecurityStampAsync(person));
        await audit.RecordAsync(
            viewer.PersonId, "role.changed", $"person:{person.Id}", new { added = wanted.Except(current).Order(), removed = current.Except(wanted).Order() }, cancellationToken);
        var change = new RoleChange(viewer.PersonId, person.Id, wanted.Except(current).ToHashSet(StringComparer.Ordinal), current.Except(wanted).ToHashSet(StringComparer.Ordinal));
        foreach (var watcher in watchers)
        {
            await watcher.RecordAsync(change, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var watcher in watchers)
        {
            await watcher.AnnounceAsync(change, cancellationToken);
        }
    }

    /// <summary>
    /// Ends every session of the viewer: cookies fail their next security-stamp check and sign-in tokens are
    /// revoked. Personal access tokens stay, since the person manages them one by one.
    /// </summary>
    public async Task SignOutEverywhereAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var person = await users.FindByIdAsync(viewer.PersonId.ToString(CultureInfo.InvariantCulture))
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        var now = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowIfFailed(await users.UpdateSecurityStampAsync(person));
        await db.AccessTokens
            .Where(t => t.PersonId == person.Id && t.Kind == AccessTokenKind.SignIn && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "auth.signed-out-everywhere", $"person:{person.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Invitation?> OpenInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }

        var hash = Secrets.Hash(token);
        var now = time.UtcNow();
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    private async Task<string> UniqueHandleAsync(string displayName, CancellationToken cancellationToken)
    {
        var stem = HandleStem(displayName);
        var taken = await db.People.Where(p => p.Handle == stem || p.Handle.StartsWith(stem + "-")).Select(p => p.Handle).ToListAsync(cancellationToken);
        var handle = stem;
        for (var n = 2; taken.Contains(handle); n++)
        {
            handle = $"{stem}-{n}";
        }

        return handle;
    }

    /// <summary>"Élodie Martin-Roy" becomes "elodie.martin-roy".</summary>
    internal static string HandleStem(string displayName)
    {
        var builder = new StringBuilder();
        foreach (var c in displayName.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == '-' && builder.Length > 0)
            {
                builder.Append('-');
            }
            else if ((char.IsWhiteSpace(c) || c is '.' or '_' or '\'') && builder.Length > 0 && builder[^1] != '.')
            {
                builder.Append('.');
            }
        }

        var stem = builder.ToString().Trim('.', '-');
        if (stem.Length > 48)
        {
            stem = stem[..48].Trim('.', '-');
        }

        return stem.Length == 0 ? "person" : stem;
    }

    internal static string NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 256 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
        {
            throw RucheException.Invalid("account.email-invalid", "This is not a valid e-mail address.");
        }

        return trimmed.ToLowerInvariant();
    }

    private static void RequireAdministrator(Viewer viewer) => Administrators.Require(viewer);

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var first = result.Errors.First();

            // Identity's own uniqueness check sees a twin created a moment earlier: the same answer as ours.
            if (first.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
            {
                throw RucheException.Conflict("account.email-taken", "Someone already has an account with this address.");
            }

            throw RucheException.Invalid("account." + first.Code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
