using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Sealing;
using Ruche.Core.Search;
using Ruche.Core.Spaces;
using Ruche.Demo;

namespace Ruche.Web.Hosting;

/// <summary>Brings the database to the current schema, with the rows every company needs, and the demo when asked.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<IDatabaseProvider>();
        provider.PrepareStorage(scope.ServiceProvider.GetRequiredService<DatabaseConnection>().ConnectionString);
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await SealingCheck.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<Sealer>(), cancellationToken);
        await EnsureBaseDataAsync(db, scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().EnsureBuiltAsync(db, cancellationToken);
    }

    /// <summary>Creates the data-protection key ring when there is none yet (protecting anything makes one).</summary>
    public static void EnsureSigningKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Ruche.Migrate").Protect("key ring ready");

    /// <summary>Rebuilds the search index from the content (the reindex-search command).</summary>
    public static async Task ReindexSearchAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(db, cancellationToken);
    }

    private static async Task EnsureBaseDataAsync(RucheDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<RucheOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        if (options.DemoData && !await db.People.AnyAsync(cancellationToken))
        {
            await DemoCompany.SeedAsync(db, services.GetRequiredService<IPasswordHasher<Person>>(), time, services.GetRequiredService<Core.Ballots.BallotBox>(), cancellationToken);

            // Sealed with the app's key through the channel's own services, so it is written here rather than in the seed.
            await Ruche.Demo.Reporting.DemoReporting.WriteAsync(
                db, services.GetRequiredService<Core.Reporting.ReportingIntake>(), services.GetRequiredService<Core.Reporting.ReferentDesk>(), cancellationToken);

            // Files and photos have bytes: written with the app's file store once the company is seeded.
            await Ruche.Demo.Library.DemoLibrary.WriteAsync(db, services.GetRequiredService<Core.Files.IFileStore>(), time.GetUtcNow().UtcDateTime, cancellationToken);
            // The demo's acts give real influence figures at once rather than at the worker's first run, six hours on.
            await services.GetRequiredService<Core.Influence.InfluenceComputation>().ComputeAsync("demo", cancellationToken);
        }

        // Every company, demo or not, has the roles and the Café; this is idempotent.

        var known = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        foreach (var role in RoleNames.All.Except(known))
        {
            db.Roles.Add(new IdentityRole<long> { Name = role, NormalizedName = role.ToUpperInvariant() });
        }

        if (!await db.Spaces.AnyAsync(s => s.IsDefault, cancellationToken))
        {
            db.Spaces.Add(new Space
            {
                Name = "Café",
                Description = "L'espace hors sujet : photos, blagues, « bon week-end ».",
                Kind = SpaceKind.Interest,
                Visibility = SpaceVisibility.Open,
                IsDefault = true,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
