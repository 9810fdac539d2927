using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Audit;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;

namespace Ruche.Tests.Audit;

public abstract class AuditLogTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Security_events_are_recorded_and_the_chain_verifies()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var person = await NewPersonAsync("Person");
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = "wrong-password" });
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/roles", new { roles = new[] { "hr" } })).StatusCode);

        var entries = (await admin.GetAsync<PageDto<AuditEntryView>>("/api/v1/admin/audit?pageSize=100")).Items;
        Assert.Contains(entries, e => e.Action == "auth.sign-in-failed" && e.Target == $"person:{person.Id}" && e.ActorId == null);
        Assert.Contains(entries, e => e.Action == "auth.sign-in" && e.Target == $"person:{person.Id}");
        Assert.Contains(entries, e => e.Action == "role.changed" && e.ActorId == admin.Id && e.Target == $"person:{person.Id}" && e.Details!.Contains("hr", StringComparison.Ordinal));

        var verification = await Actor.ReadAsync<AuditVerification>(await admin.Http.PostAsync("/api/v1/admin/audit/verify", null), HttpStatusCode.OK);
        Assert.True(verification.Intact);
        Assert.True(verification.EntriesChecked >= 5);
    }

    [Fact]
    public async Task Only_administrators_read_it()
    {
        var person = await NewPersonAsync("Curious");
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Http.GetAsync("/api/v1/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Http.PostAsync("/api/v1/admin/audit/verify", null)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_unbroken_chain()
    {
        var person = await NewPersonAsync("Busy");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(person.Id, "test.concurrent", $"n:{i}");
        }));

        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<RucheDbContext>();
        Assert.Equal(20, await db.AuditEntries.CountAsync(e => e.Action == "test.concurrent"));
        Assert.Equal(await db.AuditEntries.CountAsync(), await db.AuditEntries.Select(e => e.PreviousHash).Distinct().CountAsync());
    }

}

public sealed class AuditLogTestsOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogTestsOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;

/// <summary>Tampering gets its own database: it breaks the chain on purpose.</summary>
public abstract class AuditTamperTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_database_refuses_to_change_an_entry_and_a_forced_change_breaks_the_chain()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await log.RecordAsync(admin.Id, "test.first", "thing:1");
        await log.RecordAsync(admin.Id, "test.second", "thing:2");
        var target = await db.AuditEntries.Where(e => e.Action == "test.first").Select(e => e.Id).SingleAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.Id == target).ExecuteUpdateAsync(s => s.SetProperty(e => e.Target, "thing:forged")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.Id == target).ExecuteDeleteAsync());
        Assert.True((await log.VerifyAsync(CancellationToken.None)).Intact);

        // Someone with full control of the database drops the guard and rewrites history: the chain shows it.
        await DropGuardAsync(db);
        await db.AuditEntries.Where(e => e.Id == target).ExecuteUpdateAsync(s => s.SetProperty(e => e.Target, "thing:forged"));
        var verification = await log.VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenId);
    }

    protected abstract Task DropGuardAsync(RucheDbContext db);
}

public sealed class AuditTamperTestsOnSqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>
{
    protected override async Task DropGuardAsync(RucheDbContext db) =>
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate;");
}

public sealed class AuditTamperTestsOnPostgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>
{
    protected override async Task DropGuardAsync(RucheDbContext db) =>
        await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER audit_entries_no_change ON "AuditEntries";""");
}
