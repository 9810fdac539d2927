using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Ruche.Core.Data;

namespace Ruche.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RucheDbContext>
{
    public RucheDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RucheDbContext>();
        new SqliteDatabaseProvider().Configure(options, "Data Source=design-time.db");
        return new RucheDbContext(options.Options);
    }
}
