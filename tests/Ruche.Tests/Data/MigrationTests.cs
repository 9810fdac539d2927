using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Data;

/// <summary>Each provider's migrations build the whole model on an empty database, and none is missing.</summary>
public abstract class MigrationTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Migrations_apply_cleanly_and_match_the_model()
    {
        App.RequireAvailable();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration for " + App.ProviderName);
        Assert.True(await db.Spaces.AnyAsync(s => s.IsDefault), "The Café space is created with the schema.");
        Assert.Equal(6, await db.Roles.CountAsync());
    }
}

public sealed class MigrationTestsOnSqlite(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public sealed class MigrationTestsOnPostgres(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
