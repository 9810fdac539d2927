using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Audit;
using Ruche.Core.Data;
using Ruche.Core.Privacy;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Audit;

/// <summary>Sign-ins leave the audit log after their retention (one year by default); checkpoints keep it verifiable (ADR 12).</summary>
public abstract class AuditRetentionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Old_sign_ins_go_under_a_seal_the_rest_stays_and_the_log_still_verifies()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var settings = await admin.GetAsync<List<RetentionSetting>>("/api/v1/admin/retention");
        Assert.Equal(RetentionPolicy.DefaultSignInDays, settings.Single(s => s.Kind == RetentionKind.SignIns).Days);

        await using var scope = App.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var pruning = scope.ServiceProvider.GetRequiredService<AuditPruning>();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await log.RecordAsync(admin.Id, "test.kept-before");
        await log.RecordAsync(admin.Id, "auth.sign-in", $"person:{admin.Id}");
        await log.RecordAsync(null, "auth.sign-in-failed");
        await log.RecordAsync(admin.Id, "role.changed", "person:1");
        var cutoff = (await db.AuditEntries.MaxAsync(e => e.At)).AddTicks(10);
        while (clock.GetUtcNow().UtcDateTime <= cutoff)
        {
            await Task.Delay(5);
        }

        await log.RecordAsync(admin.Id, "auth.sign-in", $"person:{admin.Id}:recent");
        await log.RecordAsync(admin.Id, "test.kept-after");

        var removed = await pruning.PruneSignInsAsync(cutoff, CancellationToken.None);
        Assert.True(removed >= 2, $"{removed} removed");
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.Action == "auth.sign-in" || e.Action == "auth.sign-in-failed") && e.At < cutoff));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Target == $"person:{admin.Id}:recent"));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == "test.kept-before" || e.Action == "role.changed" || e.Action == "test.kept-after"));
        var checkpoint = await db.AuditCheckpoints.SingleAsync();
        Assert.Equal(removed, checkpoint.PrunedCount);

        var verification = await Actor.ReadAsync<AuditVerification>(await admin.Http.PostAsync("/api/v1/admin/audit/verify", null), HttpStatusCode.OK);
        Assert.True(verification.Intact, $"broken at {verification.FirstBrokenId}");
        Assert.Equal(1, verification.Checkpoints);

        // The database still refuses any other removal: a sealed entry that is not a sign-in, a sign-in not sealed, a seal.
        var keptId = await db.AuditEntries.Where(e => e.Action == "role.changed").Select(e => e.Id).SingleAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.Id == keptId).ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.Target == $"person:{admin.Id}:recent").ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditCheckpoints.ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditCheckpoints.ExecuteUpdateAsync(s => s.SetProperty(c => c.PrunedCount, 0)));

        // Nothing older left: no new seal. Later, the next stretch gets a seal chained to the first, and all verifies.
        Assert.Equal(0, await pruning.PruneSignInsAsync(cutoff, CancellationToken.None));
        var later = clock.GetUtcNow().UtcDateTime.AddTicks(10);
        while (clock.GetUtcNow().UtcDateTime <= later)
        {
            await Task.Delay(5);
        }

        Assert.True(await pruning.PruneSignInsAsync(later, CancellationToken.None) >= 1);
        Assert.Equal(2, await db.AuditCheckpoints.CountAsync());
        var again = await log.VerifyAsync(CancellationToken.None);
        Assert.True(again.Intact, $"broken at {again.FirstBrokenId}");
        Assert.Equal(2, again.Checkpoints);

        // The retention setting is the administrators', within bounds.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/SignIns", new { days = 180 })).StatusCode);
        Assert.Equal(180, (await admin.GetAsync<List<RetentionSetting>>("/api/v1/admin/retention")).Single(s => s.Kind == RetentionKind.SignIns).Days);
    }
}

public sealed class AuditRetentionTestsOnSqlite(SqliteApp app) : AuditRetentionTests(app), IClassFixture<SqliteApp>;

public sealed class AuditRetentionTestsOnPostgres(PostgresApp app) : AuditRetentionTests(app), IClassFixture<PostgresApp>;
