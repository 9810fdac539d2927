using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Audit;
using Ruche.Core.Data;
using Ruche.Core.Privacy;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Audit;

/// <summary>Pruning a long log seals it stretch by stretch: bounded memory and waits, one chain of checkpoints that verifies.</summary>
public abstract class AuditStretchTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_long_log_is_sealed_stretch_by_stretch_and_still_verifies()
    {
        var admin = await NewPersonAsync("Admin long", "Europe/Paris", "administrator");
        await using var scope = App.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var pruning = scope.ServiceProvider.GetRequiredService<AuditPruning>();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var checkpointsBefore = await db.AuditCheckpoints.CountAsync();
        for (var i = 0; i < 7; i++)
        {
            await log.RecordAsync(admin.Id, "auth.sign-in", $"person:{admin.Id}:stretch-{i}");
            await log.RecordAsync(admin.Id, "test.kept-between", $"stretch-{i}");
        }

        var cutoff = (await db.AuditEntries.MaxAsync(e => e.At)).AddTicks(10);
        while (clock.GetUtcNow().UtcDateTime <= cutoff)
        {
            await Task.Delay(5);
        }

        var removed = await pruning.PruneSignInsAsync(cutoff, stretchSize: 3, CancellationToken.None);

        Assert.True(removed >= 7, $"{removed} removed");
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Target!.Contains(":stretch-")));
        Assert.Equal(7, await db.AuditEntries.CountAsync(e => e.Action == "test.kept-between"));
        Assert.True(await db.AuditCheckpoints.CountAsync() - checkpointsBefore >= 5);
        var verification = await Actor.ReadAsync<AuditVerification>(await admin.Http.PostAsync("/api/v1/admin/audit/verify", null), HttpStatusCode.OK);
        Assert.True(verification.Intact, $"broken at {verification.FirstBrokenId}");
    }
}

public sealed class AuditStretchTestsOnSqlite(SqliteApp app) : AuditStretchTests(app), IClassFixture<SqliteApp>;

public sealed class AuditStretchTestsOnPostgres(PostgresApp app) : AuditStretchTests(app), IClassFixture<PostgresApp>;
