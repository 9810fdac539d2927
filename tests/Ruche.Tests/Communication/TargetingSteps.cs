using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Communication;

/// <summary>The organisation an audience is drawn from: a site and a department of the test's own, people placed in them.</summary>
public static class TargetingSteps
{
    public static async Task<(long Site, long Department)> NewSiteAndDepartmentAsync(this RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var site = new Site { Name = $"Site {suffix}", TimeZone = "Europe/Paris", CountryCode = "FR" };
        var department = new Department { Name = $"Service {suffix}" };
        db.AddRange(site, department);
        await db.SaveChangesAsync();
        return (site.Id, department.Id);
    }

    public static async Task<long> NewDepartmentAsync(this RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var department = new Department { Name = $"Service {Guid.NewGuid():N}" };
        db.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    public static async Task PlaceAsync(this RucheApp app, Actor person, long? site, long? department, JobCategory? category = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.SiteId, site)
            .SetProperty(p => p.DepartmentId, department)
            .SetProperty(p => p.JobCategory, category));
    }
}
