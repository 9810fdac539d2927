using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Ruche.Core.Data;

namespace Ruche.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RucheDbContext>
{
    public RucheDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RucheDbContext>();
        new PostgresDatabaseProvider().Configure(options, "Host=localhost;Database=ruche_design");
        return new RucheDbContext(options.Options);
    }
}
