using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Follows;
using Ruche.Core.Spaces;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;
using Ruche.Demo.WorkTime;

namespace Ruche.Demo.Follows;

/// <summary>Who follows whom, which tags and which spaces they watch, so each person's home feed has a shape of its own.</summary>
internal static class DemoFollows
{
    private static readonly string[] FollowedTags =
        ["télétravail", "atlas", "recrutement", "sécurité", "bienvenue", "3goalsaday", "café", "produit", "support", "kudos"];

    public static void Write(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, Random random, DateTime now)
    {
        foreach (var member in staff.All)
        {
            // People mostly follow their manager and teammates, then a few colleagues met elsewhere.
            var candidates = new List<DemoMember>();
            if (member.Spec.Manager is { } manager)
            {
                candidates.Add(staff.ByHandle[manager]);
            }

            candidates.AddRange(DemoRandom.Shuffled(staff.All.Where(o => o.Spec.Department == member.Spec.Department), random).Take(3));
            candidates.AddRange(DemoRandom.Shuffled(staff.All, random));
            var target = random.Next(3, 11);
            foreach (var followee in candidates.Where(c => c != member).Distinct().Take(target))
            {
                db.PersonFollows.Add(new PersonFollow
                {
                    FollowerId = member.Id,
                    FolloweeId = followee.Id,
                    CreatedAt = DemoCalendar.Between(DemoCalendar.Later(member.Person.CreatedAt, followee.Person.CreatedAt), now, random),
                });
            }

            if (random.NextDouble() < 0.5)
            {
                foreach (var tag in DemoRandom.Shuffled(FollowedTags, random).Take(random.Next(1, 4)))
                {
                    db.TagFollows.Add(new TagFollow { PersonId = member.Id, Tag = Tags.Normalize(tag)!, CreatedAt = DemoCalendar.Between(member.Person.CreatedAt, now, random) });
                }
            }
        }

        // A few people keep an eye on an open space without joining it.
        var watched = spaces.Where(s => s.Space.Visibility == SpaceRef.CompanyWideVisibility && !s.Space.IsDefault && s.Space.Kind != SpaceKind.Announcements).ToList();
        var follows = new HashSet<(long PersonId, long SpaceId)>();
        while (follows.Count < 10)
        {
            var member = staff.All[random.Next(staff.All.Count)];
            var space = watched[random.Next(watched.Count)];
            if (!space.Members.Contains(member) && follows.Add((member.Id, space.Space.Id)))
            {
                db.SpaceFollows.Add(new SpaceFollow { PersonId = member.Id, SpaceId = space.Space.Id, CreatedAt = DemoCalendar.Between(member.Person.CreatedAt, now, random) });
            }
        }
    }
}
