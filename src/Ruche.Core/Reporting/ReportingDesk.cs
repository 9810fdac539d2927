using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ruche.Core.Common;

namespace Ruche.Core.Reporting;

/// <summary>
/// The company's reporting desk: one row, whose referents are the people holding the <see cref="RoleNames.Referent"/>
/// role. Cases hang from it so their read rule ("a referent of the desk") composes as a query, with the role as its only
/// source: <see cref="ReferentSeat"/> is the role table read through a view, never a copy to keep in step.
/// </summary>
public sealed class ReportingDesk
{
    public const long Only = 1;

    public long Id { get; set; }

    public List<ReferentSeat> Referents { get; set; } = [];
}

/// <summary>A person holding the referent role, read from the Identity role tables.</summary>
public sealed class ReferentSeat
{
    public long DeskId { get; set; }

    public long PersonId { get; set; }
}

internal sealed class ReportingDeskConfiguration : IEntityTypeConfiguration<ReportingDesk>
{
    public void Configure(EntityTypeBuilder<ReportingDesk> builder)
    {
        builder.ToTable("ReportingDesks");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasData(new ReportingDesk { Id = ReportingDesk.Only });
        builder.HasMany(d => d.Referents).WithOne().HasForeignKey(s => s.DeskId);
    }
}

internal sealed class ReferentSeatConfiguration : IEntityTypeConfiguration<ReferentSeat>
{
    public void Configure(EntityTypeBuilder<ReferentSeat> builder)
    {
        builder.HasKey(s => new { s.DeskId, s.PersonId });

        // The same text on SQLite and PostgreSQL (quoted names, a bigint constant).
        builder.ToSqlQuery(
            $"""
            SELECT CAST({ReportingDesk.Only} AS BIGINT) AS "DeskId", ur."UserId" AS "PersonId"
            FROM "AspNetUserRoles" AS ur INNER JOIN "AspNetRoles" AS r ON r."Id" = ur."RoleId"
            WHERE r."Name" = '{RoleNames.Referent}'
            """);
    }
}
