using System.Linq.Expressions;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Events;
using Ruche.Core.Goals;
using Ruche.Core.Ideas;
using Ruche.Core.Irritants;
using Ruche.Core.Moderation;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Records;
using Ruche.Core.Reporting;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;
using Ruche.Core.Surveys;
using Ruche.Core.Wiki;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Subjects;

/// <summary>
/// The read rule of every registered subject kind, in its three uses: forward ("what may X read", feeds and pages),
/// reverse ("who may read this", live messages) and as a set predicate (a notification's audience, a row's
/// visibility). On random companies, the three agree with each other and with the rule as PRODUCT.md states it, for
/// every (person, subject) pair; and notifying a thousand people costs the SQL commands of notifying one.
/// </summary>
public abstract class SubjectRuleTests(RucheApp app) : ProviderTests(app)
{
    private const int People = 6;
    private const int Spaces = 4;

    /// <summary>0 none, 1 member, 2 moderator, 3 owner (all active), 4 a pending join request.</summary>
    private static readonly Gen<Company> Companies = Gen.Select(
        Gen.Int[0, 2].Array[Spaces],
        Gen.Int[0, 4].Array[Spaces * People],
        Gen.Int[-1, Spaces - 1].Array[6],
        Gen.Int[0, Spaces - 1].Array[3],
        Gen.Int[0, 2].Array[People],
        Gen.Bool.Array[People],
        (visibility, memberships, posts, events, choices, delegates) => new Company(visibility, memberships, posts, events, choices, delegates));

    [Fact]
    public async Task Forward_reverse_and_set_rules_agree_with_the_stated_rule_on_random_companies()
    {
        var people = new List<long>();
        for (var i = 0; i < People; i++)
        {
            people.Add((await NewPersonAsync($"Sample{i}")).Id);
        }

        var checkedPairs = 0;
        await Companies.SampleAsync(async company =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            var subjects = scope.ServiceProvider.GetRequiredService<SubjectKinds>();
            var made = await company.SeedAsync(db, people);
            foreach (var kind in subjects.All)
            {
                Assert.True(made.TryGetValue(kind.Name, out var instances), $"The random company makes no subject of kind '{kind.Name}': teach Company.SeedAsync to make some.");
                var ids = instances.Select(s => s.Id).ToList();
                var forward = new Dictionary<long, HashSet<long>>();
                foreach (var person in people)
                {
                    forward[person] = [.. await kind.ReadableBy(db, person).Where(id => ids.Contains(id)).ToListAsync()];
                }

                foreach (var (id, readers) in instances)
                {
                    var audience = await kind.AudienceAsync(db, id, CancellationToken.None);
                    var set = await SetReadersAsync(db, kind, id, people);
                    foreach (var person in people)
                    {
                        var expected = readers(person);
                        var at = $"{kind.Name} {id}, person {people.IndexOf(person)}, company {company}";
                        Assert.True(expected == forward[person].Contains(id), $"forward rule wrong for {at}");
                        Assert.True(expected == audience.Includes(person), $"reverse rule wrong for {at}");
                        Assert.True(expected == set.Contains(person), $"set rule wrong for {at}");
                        checkedPairs++;
                    }
                }
            }
        }, iter: 12, threads: 1);

        Assert.True(checkedPairs > 12 * People * 10, $"Only {checkedPairs} pairs checked.");
        TestContext.Current.TestOutputHelper?.WriteLine($"{checkedPairs} (person, subject) pairs agreed on {App.ProviderName}.");
    }

    [Fact]
    public async Task Notifying_a_thousand_people_costs_the_sql_commands_of_notifying_one()
    {
        var author = await NewPersonAsync("Announcer");
        var post = await author.PostAsync("Le séminaire est confirmé pour jeudi.");
        var crowd = await InsertPeopleAsync(1_001);

        var one = await CommandsToNotifyAsync(author.Id, crowd.Take(1), post.Id);
        var thousand = await CommandsToNotifyAsync(author.Id, crowd.Skip(1), post.Id);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            var rows = await db.Notifications.Where(n => crowd.Contains(n.RecipientId) && n.SubjectKind == PostSubject.Kind && n.SubjectId == post.Id)
                .Select(n => n.ActorCount).ToListAsync();
            Assert.Equal(1_001, rows.Count);
            Assert.All(rows, count => Assert.Equal(1, count));
        }

        Assert.Equal(one, thousand);
        TestContext.Current.TestOutputHelper?.WriteLine($"{App.ProviderName}: {one} SQL commands to notify 1 person, {thousand} to notify 1,000.");
    }

    [Fact]
    public async Task Forty_people_reacting_at_once_to_a_post_two_hundred_people_follow_are_all_counted()
    {
        var author = await NewPersonAsync("Crowded");
        var post = await author.PostAsync("Qui vient à la fête de fin d'année ?");
        var audience = await InsertPeopleAsync(201);
        var actors = await InsertPeopleAsync(40);

        // Each actor folds into the same 201 rows at the same time, from its own scope, as concurrent requests do.
        await Task.WhenAll(actors.Select(actor => Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(PostNotifications.Reaction, actor, audience, post.Id);
        })));

        await using var check = App.Services.CreateAsyncScope();
        var counts = await check.ServiceProvider.GetRequiredService<RucheDbContext>().Notifications
            .Where(n => audience.Contains(n.RecipientId) && n.SubjectId == post.Id && n.Kind == PostNotifications.Reaction.Name)
            .Select(n => n.ActorCount).ToListAsync();
        Assert.Equal(201, counts.Count);
        Assert.All(counts, count => Assert.Equal(40, count));
    }

    private async Task<List<long>> InsertPeopleAsync(int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var batch = Guid.NewGuid().ToString("N")[..8];
        var added = Enumerable.Range(0, count).Select(i => new Person
        {
            UserName = $"crowd{i}.{batch}@test.ruche",
            Email = $"crowd{i}.{batch}@test.ruche",
            DisplayName = $"Crowd {i}",
            Handle = $"crowd{i}{batch}",
            TimeZone = "Europe/Paris",
            CreatedAt = Now(),
        }).ToList();
        db.People.AddRange(added);
        await db.SaveChangesAsync();
        return [.. added.Select(p => p.Id)];
    }

    private async Task<int> CommandsToNotifyAsync(long actor, IEnumerable<long> recipients, long postId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var list = recipients.ToList();
        App.Commands.Reset();
        await notifier.NotifyAsync(PostNotifications.Mention, actor, list, postId);
        return App.Commands.Count;
    }

    /// <summary>Whole milliseconds, which both providers store exactly.</summary>
    private static DateTime Now()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>The rule as the notifier and the notification centre use it: one query over the people.</summary>
    private static Task<List<long>> SetReadersAsync(RucheDbContext db, ISubjectKind kind, long subjectId, List<long> people)
    {
        var person = Expression.Parameter(typeof(Person), "p");
        var personId = Expression.Property(person, nameof(Person.Id));
        var reads = Expression.Lambda<Func<Person, bool>>(Lambda.Apply(kind.Reads(db), Lambda.Value(subjectId), personId), person);
        return db.People.Where(p => people.Contains(p.Id)).Where(reads).Select(p => p.Id).ToListAsync();
    }

    /// <summary>A company drawn at random: each space's visibility, who is in it and how, where posts and events live.</summary>
    /// <param name="Choices">Each person's answer to the union's broadcasts: 0 none, 1 accepts, 2 refuses.</param>
    /// <param name="Delegates">Who is one of the union's delegates.</param>
    private sealed record Company(int[] Visibility, int[] Memberships, int[] PostSpaces, int[] EventSpaces, int[] Choices, bool[] Delegates)
    {
        public override string ToString() =>
            $"visibility [{string.Join(',', Visibility)}] memberships [{string.Join(',', Memberships)}] posts [{string.Join(',', PostSpaces)}] events [{string.Join(',', EventSpaces)}] choices [{string.Join(',', Choices)}] delegates [{string.Join(',', Delegates)}]";

        private int Membership(int space, int person) => Memberships[(space * People) + person];

        private bool IsOpen(int space) => Visibility[space] == 0;

        private bool Belongs(int space, int person) => Membership(space, person) is 1 or 2 or 3;

        /// <summary>Writes the company; returns per subject kind each subject made and who may read it, as PRODUCT.md says.</summary>
        public async Task<Dictionary<string, List<(long Id, Func<long, bool> Reads)>>> SeedAsync(RucheDbContext db, List<long> people)
        {
            var now = Now();
            var spaces = Enumerable.Range(0, Spaces).Select(s => new Space
            {
                Name = $"Random {s}",
                Kind = SpaceKind.Project,
                Visibility = (SpaceVisibility)Visibility[s],
                CreatedAt = now,
                CreatedById = people[0],
                Members = [.. Enumerable.Range(0, People).Where(p => Membership(s, p) != 0).Select(p => new SpaceMembership
                {
                    PersonId = people[p],
                    Role = Membership(s, p) switch { 2 => SpaceRole.Moderator, 3 => SpaceRole.Owner, _ => SpaceRole.Member },
                    Status = Membership(s, p) == 4 ? MembershipStatus.Pending : MembershipStatus.Active,
                    CreatedAt = now,
                })],
            }).ToList();
            db.Spaces.AddRange(spaces);
            await db.SaveChangesAsync();

            var posts = PostSpaces.Select((s, i) => new Post
            {
                AuthorId = people[i % People],
                SpaceId = s < 0 ? null : spaces[s].Id,
                Body = "Échantillon",
                BodyHtml = "<p>Échantillon</p>",
                CreatedAt = now,
            }).ToList();
            var events = EventSpaces.Select((s, i) => new SpaceEvent
            {
                SpaceId = spaces[s].Id,
                OrganizerId = people[i % People],
                Title = "Point",
                Description = "Ordre du jour",
                DescriptionHtml = "<p>Ordre du jour</p>",
                TimeZone = "Europe/Paris",
                LocalDate = DateOnly.FromDateTime(now).AddDays(3),
                LocalTime = new TimeOnly(9, 0),
                DurationMinutes = 60,
                StartsAt = now.AddDays(3),
                EndsAt = now.AddDays(3).AddHours(1),
                Room = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            }).ToList();
            db.Posts.AddRange(posts);
            db.Events.AddRange(events);
            await db.SaveChangesAsync();

            // A decision on each post: every other one dismissed, which its author is never told of.
            var decisions = posts.Select((p, i) => new ModerationDecision
            {
                Content = ReportedContent.Post,
                ContentId = p.Id,
                PostId = p.Id,
                SpaceId = p.SpaceId,
                AuthorId = p.AuthorId!.Value,
                Action = i % 2 == 0 ? ModerationAction.Hide : ModerationAction.Dismiss,
                Reason = "Hors charte",
                DecidedById = people[0],
                DecidedAt = now,
            }).ToList();
            db.AddRange(decisions);

            // An idea where each post is (company-wide without a space), each with a status change; one irritant, public.
            var ideas = PostSpaces.Select((s, i) => new Idea
            {
                AuthorId = people[i % People],
                SpaceId = s < 0 ? null : spaces[s].Id,
                Title = "Idée",
                Description = "Détails",
                DescriptionHtml = "<p>Détails</p>",
                CreatedAt = now,
            }).ToList();
            db.AddRange(ideas);

            // A co-written page in each space, read as its space is.
            var wikiPages = spaces.Select((s, i) => new WikiPage
            {
                SpaceId = s.Id, Title = "Page", Slug = $"page-{i}", Text = "Texte", Html = "<p>Texte</p>", Number = 1,
                CreatedById = people[0], UpdatedById = people[0], CreatedAt = now, UpdatedAt = now,
            }).ToList();
            db.AddRange(wikiPages);
            var irritant = new Irritant
            {
                Id = IrritantRules.NewId(),
                Category = "other",
                Description = "Échantillon",
                ReportedOn = DateOnly.FromDateTime(now),
                DueOn = DateOnly.FromDateTime(now).AddDays(14),
            };
            db.Add(irritant);
            await db.SaveChangesAsync();
            var changes = ideas.Select(i => new IdeaStatusChange { IdeaId = i.Id, From = IdeaStatus.New, To = IdeaStatus.UnderReview, Reason = "À l'étude", At = now }).ToList();
            db.AddRange(changes);
            await db.SaveChangesAsync();

            // Thanks where each post is: to a person without a space, otherwise to the space as a team.
            var value = new Ruche.Core.Recognition.CompanyValue { LabelFr = $"Valeur {Guid.NewGuid():N}", LabelEn = $"Value {Guid.NewGuid():N}", CreatedAt = now };
            var kudos = PostSpaces.Select((s, i) => new Ruche.Core.Recognition.Kudos
            {
                GiverId = people[i % People],
                PersonId = s < 0 ? people[(i + 1) % People] : null,
                SpaceId = s < 0 ? null : spaces[s].Id,
                Value = value,
                Message = "Merci",
                CreatedAt = now,
            }).ToList();
            db.AddRange(kudos);
            await db.SaveChangesAsync();

            // The reporting channel's referents: a role, drawn from the company (moderators and owners of the first space).
            var referentRole = await db.Roles.Where(r => r.Name == RoleNames.Referent).Select(r => r.Id).SingleAsync();
            await db.UserRoles.Where(ur => ur.RoleId == referentRole && people.Contains(ur.UserId)).ExecuteDeleteAsync();
            var referents = people.Where((_, i) => Membership(0, i) is 2 or 3).ToHashSet();
            db.UserRoles.AddRange(referents.Select(id => new Microsoft.AspNetCore.Identity.IdentityUserRole<long> { UserId = id, RoleId = referentRole }));
            var reported = new ReportingCase { Code = CaseReceipts.NewCode(), SealedText = [1, 2, 3], ReceivedAt = now, LastActivityAt = now };
            db.Add(reported);
            await db.SaveChangesAsync();

            // A union (its space is the first one), its delegates, everyone's choices, a broadcast and a question from person 1.
            var union = new Union
            {
                Name = $"Union {Guid.NewGuid():N}",
                SpaceId = spaces[0].Id,
                CreatedAt = now,
                Delegates = [.. Enumerable.Range(0, People).Where(p => Delegates[p]).Select(p => new UnionMandate { PersonId = people[p] })],
                Choices = [.. Enumerable.Range(0, People).Where(p => Choices[p] != 0).Select(p => new BroadcastChoice { PersonId = people[p], Accepts = Choices[p] == 1, ChangedAt = now })],
            };
            db.Add(union);
            await db.SaveChangesAsync();
            var broadcast = new UnionBroadcast { UnionId = union.Id, AuthorId = people[0], Title = "Tract", Body = "Tract", BodyHtml = "<p>Tract</p>", SentAt = now };
            var question = new UnionQuestion { UnionId = union.Id, AskerId = people[1], SealedBody = [1, 2, 3], AskedAt = now, LastMessageAt = now };
            var takedown = new UnionTakedown { UnionId = union.Id, Reason = "Illicite", LegalBasis = "Loi", DecidedAt = now };
            db.AddRange(broadcast, question, takedown);

            // A company message from person 0 delivered to the delegates (a draw of the company like any other).
            var message = new Ruche.Core.Communication.CompanyMessage
            {
                AuthorId = people[0],
                Title = "Message",
                Body = "x",
                BodyHtml = "<p>x</p>",
                SentAt = now,
                Deliveries = [.. Enumerable.Range(0, People).Where(p => Delegates[p] && p != 0).Select(p => new Ruche.Core.Communication.MessageDelivery { PersonId = people[p] })],
            };
            db.Add(message);
            await db.SaveChangesAsync();

            // Negotiation records with person 2 and the union as parties: a draft, one published to everyone, one to the second space's members.
            NegotiationRecord Record(NegotiationStatus status, long? audience) => new()
            {
                Title = "Accord", Subject = "NAO", Text = "x", TextHtml = "<p>x</p>", Version = 1, CreatedAt = now, Status = status, AudienceSpaceId = audience,
                Parties = [new NegotiationParty { PersonId = people[2] }, new NegotiationParty { UnionId = union.Id }],
            };
            var records = new[] { Record(NegotiationStatus.Draft, null), Record(NegotiationStatus.Published, null), Record(NegotiationStatus.Published, spaces[1].Id) };

            // The CSE: person 0 presides, person 1 is its secretary, the delegates sit on it; minutes in progress, and published ones.
            var cse = new CseBody
            {
                Name = "CSE", PresidentId = people[0], SecretaryId = people[1], CreatedAt = now,
                Members = [.. Enumerable.Range(0, People).Where(p => Delegates[p]).Select(p => new CseMember { PersonId = people[p] })],
            };
            db.AddRange(records);
            db.Add(cse);
            await db.SaveChangesAsync();
            var meetings = new[] { MinutesStatus.Draft, MinutesStatus.Published }
                .Select(status => new CseMeeting { CseId = cse.Id, Title = "Réunion", HeldAt = now, DeadlineAt = now.AddDays(15), Status = status }).ToList();
            db.AddRange(meetings);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            bool Party(long person) => person == people[2] || Delegates[people.IndexOf(person)];
            bool SitsOnCse(long person) => person == people[0] || person == people[1] || Delegates[people.IndexOf(person)];

            Func<long, bool> SpaceReaders(int s) => person => IsOpen(s) || Belongs(s, people.IndexOf(person));
            return new(StringComparer.Ordinal)
            {
                [PostSubject.Kind] = [.. posts.Select((p, i) => (p.Id, PostSpaces[i] < 0 ? (Func<long, bool>)(_ => true) : SpaceReaders(PostSpaces[i])))],
                [EventSubject.Kind] = [.. events.Select((e, i) => (e.Id, SpaceReaders(EventSpaces[i])))],
                [SpaceModerationSubject.Kind] = [.. spaces.Select((s, i) => (s.Id, (Func<long, bool>)(person => Membership(i, people.IndexOf(person)) is 2 or 3)))],
                [OwnGoalsSubject.Kind] = [.. people.Select(owner => (owner, (Func<long, bool>)(person => person == owner)))],
                [SurveyReminderSubject.Kind] = [.. people.Select(owner => (owner, (Func<long, bool>)(person => person == owner)))],
                [UnionBroadcastSubject.Kind] = [(broadcast.Id, person => Delegates[people.IndexOf(person)] || Choices[people.IndexOf(person)] != 2)],
                [UnionQuestionSubject.Kind] = [(question.Id, person => person == people[1] || Delegates[people.IndexOf(person)])],
                [UnionTakedownSubject.Kind] = [(takedown.Id, person => Delegates[people.IndexOf(person)])],
                [Ruche.Core.Communication.CompanyMessageSubject.Kind] = [(message.Id, person => person == people[0] || Delegates[people.IndexOf(person)])],
                [ModerationDecisionSubject.Kind] = [.. decisions.Select(d => (d.Id, (Func<long, bool>)(person => person == d.AuthorId && d.Action != ModerationAction.Dismiss)))],
                [IdeaSubject.Kind] = [.. ideas.Select((idea, i) => (idea.Id, PostSpaces[i] < 0 ? (Func<long, bool>)(_ => true) : SpaceReaders(PostSpaces[i])))],
                [IdeaStatusChangeSubject.Kind] = [.. changes.Select((c, i) => (c.Id, PostSpaces[i] < 0 ? (Func<long, bool>)(_ => true) : SpaceReaders(PostSpaces[i])))],
                [Ruche.Core.Recognition.KudosSubject.Kind] = [.. kudos.Select((k, i) => (k.Id, PostSpaces[i] < 0 ? (Func<long, bool>)(_ => true) : SpaceReaders(PostSpaces[i])))],
                [WikiPageSubject.Kind] = [.. wikiPages.Select((w, i) => (w.Id, SpaceReaders(i)))],
                [IrritantSubject.Kind] = [(irritant.Id, _ => true)],
                [ReportingCaseSubject.Kind] = [(reported.Id, referents.Contains)],
                [ReportingDeskSubject.Kind] = [(ReportingDesk.Only, referents.Contains)],
                [NegotiationSubject.Kind] =
                [
                    (records[0].Id, Party),
                    (records[1].Id, _ => true),
                    (records[2].Id, person => Party(person) || Belongs(1, people.IndexOf(person))),
                ],
                [CseMeetingSubject.Kind] = [(meetings[0].Id, SitsOnCse), (meetings[1].Id, _ => true)],
            };
        }
    }
}

public sealed class SubjectRuleTestsOnSqlite(SqliteApp app) : SubjectRuleTests(app), IClassFixture<SqliteApp>;

public sealed class SubjectRuleTestsOnPostgres(PostgresApp app) : SubjectRuleTests(app), IClassFixture<PostgresApp>;
