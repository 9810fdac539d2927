using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Targeting;

/// <summary>Checks an audience as sent (every named site, department, category and topic exists) and narrows people to it.</summary>
public sealed class AudienceFilter(RucheDbContext db)
{
    /// <summary>The audience with its topic as a tag key; refused, naming the faulty criterion, before anything changes.</summary>
    public async Task<Audience> ValidateAsync(Audience? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            return Audience.Everyone;
        }

        if (requested.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken))
        {
            throw RucheException.Invalid("audience.site-unknown", "No such site.");
        }

        if (requested.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            throw RucheException.Invalid("audience.department-unknown", "No such department.");
        }

        if (requested.JobCategory is { } category && !Enum.IsDefined(category))
        {
            throw RucheException.Invalid("audience.category-unknown", "No such professional category.");
        }

        string? topic = null;
        if (!string.IsNullOrWhiteSpace(requested.Topic))
        {
            topic = Tags.Normalize(requested.Topic.Trim().TrimStart('#'))
                ?? throw RucheException.Invalid("audience.topic-invalid", "A topic is a tag: letters, digits, '-' or '_'.");
        }

        return requested with { Topic = topic };
    }

    /// <summary>The active people of the audience (everyone active when it names nothing).</summary>
    public IQueryable<Person> PeopleOf(Audience audience)
    {
        var people = db.People.Where(p => p.IsActive);
        if (audience.SiteId is { } siteId)
        {
            people = people.Where(p => p.SiteId == siteId);
        }

        if (audience.DepartmentId is { } departmentId)
        {
            people = people.Where(p => p.DepartmentId == departmentId);
        }

        if (audience.JobCategory is { } category)
        {
            people = people.Where(p => p.JobCategory == category);
        }

        if (audience.Topic is { } topic)
        {
            people = people.Where(p => db.TagFollows.Any(f => f.PersonId == p.Id && f.Tag == topic));
        }

        return people;
    }

    /// <summary>The names of what the audience names, for its sender's list.</summary>
    public async Task<AudienceView> DescribeAsync(Audience audience, CancellationToken cancellationToken)
    {
        var site = audience.SiteId is { } s ? await db.Sites.Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var department = audience.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return new AudienceView(audience.SiteId, site, audience.DepartmentId, department, audience.JobCategory, audience.Topic);
    }
}
