using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Communication;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Events;
using Ruche.Core.Goals;
using Ruche.Core.Ideas;
using Ruche.Core.Irritants;
using Ruche.Core.Moderation;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Records;
using Ruche.Core.Reporting;
using Ruche.Core.Spaces;
using Ruche.Core.Subjects;
using Ruche.Core.Surveys;
using Ruche.Core.Wiki;
using Ruche.Tests.Events;
using Ruche.Tests.Ideas;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;
using Ruche.Tests.Wiki;

namespace Ruche.Tests.Security;

/// <summary>
/// Walks the app's own route table: every endpoint must have a rule here, anonymous callers reach only the
/// few public ones, and administration refuses employees. A new endpoint without a rule fails this test. It also walks
/// the registered subject kinds: a new content type is covered the day its feature registers it. On both providers.
/// </summary>
public abstract partial class AuthorizationMatrixTests(RucheApp app) : ProviderTests(app)
{
    /// <summary>What anyone may call without signing in: signing in itself, health and the API description.</summary>
    private static readonly HashSet<string> Public =
    [
        "GET /login", "POST /login", "GET /register", "POST /register", "GET /invitation/{Token}", "POST /invitation/{Token}",
        "GET /login/two-factor", "POST /login/two-factor",
        "POST /ui/login", "POST /ui/login/two-factor", "POST /ui/login/passkey", "POST /ui/login/passkey/options", "POST /ui/login/external", "GET /ui/login/external/callback", "POST /ui/register", "POST /ui/invitation", "POST /ui/language",
        "POST /api/v1/auth/token", "GET /health", "GET /health/ready", "GET /openapi/{documentName}.json",
        // A calendar client cannot sign in: the secret in the address is the credential (unknown or revoked: 404).
        "GET /calendar/{secret}",
        // The confidential reporting channel: reporting, following with the receipt and the procedure need no account (Sapin II).
        "GET /report", "POST /report", "GET /report/follow", "POST /report/follow", "GET /report/procedure", "POST /report/procedure",
        "POST /ui/report", "POST /ui/report/follow", "POST /ui/report/follow/message",
        // The installable app's manifest: browsers fetch it without credentials (ADR 23); it names no one.
        "GET /manifest.webmanifest",
    ];

    [Fact]
    public async Task Anonymous_callers_reach_only_the_public_endpoints()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 80, $"Only {endpoints.Count} endpoints found: the route table walk is broken.");

        var anonymousByMetadata = endpoints.Where(e => e.AllowsAnonymous).Select(e => e.Key).ToHashSet();
        Assert.Empty(anonymousByMetadata.Except(Public));
        Assert.Empty(Public.Except(anonymousByMetadata));

        var client = App.Anonymous();
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !e.AllowsAnonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl);
            if (endpoint.Method is "POST" or "PUT" or "PATCH")
            {
                // Send what the endpoint accepts, so the request reaches it (not a 415 or another route).
                request.Content = endpoint.TakesMultipart
                    ? new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.png" } }
                    : new StringContent("{}", Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var expected = endpoint.IsApi || endpoint.IsHub || endpoint.IsScim || endpoint.AnswersScripts
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true;
            if (!expected)
            {
                failures.Add($"{endpoint.Key} ({endpoint.SampleUrl}) answered {(int)response.StatusCode} to an anonymous caller");
            }
        }

        Assert.Empty(failures);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Authorization matrix: {endpoints.Count} endpoints ({endpoints.Count(e => e.AllowsAnonymous)} public, {endpoints.Count(e => e.IsApi)} API), all refused to anonymous callers but the public ones.");
    }

    /// <summary>
    /// Administration is for administrators only: an employee, and each role that carries a mandate or a function but no
    /// administration right (HR, union delegate, staff representative, direction), is refused every admin route.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("hr")]
    [InlineData("union-delegate")]
    [InlineData("staff-representative")]
    [InlineData("direction")]
    public async Task Administration_refuses_everyone_but_administrators(string? role)
    {
        var employee = role is null ? await App.NewPersonAsync("Employee") : await App.NewPersonAsync($"Role {role}", "Europe/Paris", role);
        var admin = await App.NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.IsApi && e.Route.StartsWith("/api/v1/admin", StringComparison.Ordinal)))
        {
            var asEmployee = await SendAsync(employee.Http, endpoint, endpoint.SampleUrl.Replace("/1/", $"/{admin.Id}/", StringComparison.Ordinal));
            if (asEmployee != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint.Key} answered {(int)asEmployee} to {role ?? "an employee"}");
            }
        }

        Assert.Contains(Endpoints(), e => e.Route.StartsWith("/api/v1/admin", StringComparison.Ordinal));
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(admin.Http, Endpoints().Single(e => e.Key == "GET /api/v1/admin/settings"), "/api/v1/admin/settings"));
    }

    /// <summary>Scopes come from the route table too: a read-only token is refused every write, with the scope it lacks.</summary>
    [Fact]
    public async Task A_read_only_token_is_refused_every_write_and_a_token_without_admin_every_admin_call()
    {
        var admin = await App.NewPersonAsync("Scoped admin", "Europe/Paris", "administrator");
        var readOnly = await TokenClientAsync(admin, "read");
        var readWrite = await TokenClientAsync(admin, "read", "write");
        var failures = new List<string>();
        var writes = Endpoints().Where(e => e.IsApi && !e.AllowsAnonymous && e.Method is not ("GET" or "HEAD")).ToList();
        foreach (var endpoint in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl)
            {
                Content = endpoint.TakesMultipart
                    ? new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.png" } }
                    : new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            var response = await readOnly.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden || !(await response.Content.ReadAsStringAsync()).Contains("token.scope-insufficient", StringComparison.Ordinal))
            {
                failures.Add($"{endpoint.Key} answered {(int)response.StatusCode} to a read-only token");
            }
        }

        foreach (var endpoint in Endpoints().Where(e => e.IsApi && e.Route.StartsWith("/api/v1/admin", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl.Replace("/1/", $"/{admin.Id}/", StringComparison.Ordinal));
            if (endpoint.Method is not ("GET" or "HEAD"))
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            if ((await readWrite.SendAsync(request)).StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint.Key} let a token without the admin scope through");
            }
        }

        Assert.True(writes.Count > 30, $"Only {writes.Count} write endpoints found.");
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/api/v1/people/me")).StatusCode);
        TestContext.Current.TestOutputHelper?.WriteLine($"Token scopes: {writes.Count} write endpoints refused to a read-only token.");
    }

    /// <summary>
    /// Membership, from the route table: every API route about a space, a post or an event, called by someone outside
    /// the secret space that holds them, is refused (403 or 404, never a success or a crash) and changes nothing. A
    /// new route under these prefixes that forgets the space's rule fails this test.
    /// </summary>
    [Fact]
    public async Task Someone_outside_a_secret_space_reaches_none_of_its_space_post_or_event_routes()
    {
        var owner = await App.NewPersonAsync("Secret owner");
        var outsider = await App.NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Rachat confidentiel", Ruche.Core.Common.SpaceVisibility.Secret);
        var post = await owner.PostAsync("Le rachat est signé", space);
        var comment = await owner.CommentAsync(post, "Enfin");
        var meeting = await owner.CreateEventAsync(space, "Comité de rachat");
        var idea = await owner.SubmitIdeaAsync("Fusionner les équipes", space.Id);
        var poll = await Actor.ReadAsync<Ruche.Core.Polls.PollView>(
            await owner.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/poll", new { options = new[] { "Oui", "Non" }, anonymous = true }, Actor.Json), HttpStatusCode.Created);
        var wikiPage = await owner.CreatePageAsync(space.Id, "Plan de rachat", "Confidentiel");
        var subjects = new (string Prefix, long Id)[] { ("/api/v1/spaces/", space.Id), ("/api/v1/posts/", post.Id), ("/api/v1/events/", meeting.Id), ("/api/v1/ideas/", idea), ("/api/v1/polls/", poll.Id), ("/api/v1/pages/", wikiPage.Id) };
        var routes = Endpoints().Where(e => e.IsApi && subjects.Any(s => e.Route.StartsWith(s.Prefix + "{", StringComparison.Ordinal))).ToList();
        var before = await StateAsync(owner, space, post, meeting.Id) + await owner.Http.GetStringAsync($"/api/v1/ideas/{idea}");

        var failures = new List<string>();
        foreach (var endpoint in routes)
        {
            var (prefix, id) = subjects.First(s => endpoint.Route.StartsWith(s.Prefix + "{", StringComparison.Ordinal));
            // The subject's real id, a real comment for nested ids, a real reaction kind: so only the membership rule can refuse.
            var url = prefix + id + endpoint.SampleUrl[(prefix.Length + 1)..]
                .Replace("/1/", $"/{comment.Id}/", StringComparison.Ordinal)
                .Replace("/reactions/x", "/reactions/like", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
            if (endpoint.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = endpoint.TakesMultipart
                    ? new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.png" } }
                    : new StringContent($$"""{"body":"Intrusion","title":"Intrusion","kind":"like","personId":1,"response":"yes","options":["A","B"],"optionIds":[{{poll.Options[0].Id}}]}""", Encoding.UTF8, "application/json");
            }

            var status = (await outsider.Http.SendAsync(request)).StatusCode;
            if (status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            {
                failures.Add($"{endpoint.Key} ({url}) answered {(int)status} to someone outside the secret space");
            }
        }

        Assert.True(routes.Count > 15, $"Only {routes.Count} space and post routes found.");
        Assert.Empty(failures);
        Assert.Equal(before, await StateAsync(owner, space, post, meeting.Id) + await owner.Http.GetStringAsync($"/api/v1/ideas/{idea}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"Membership: {routes.Count} space, post and event routes refused to a non-member of a secret space.");
    }

    /// <summary>
    /// Every registered subject kind (posts, events, a space's moderation, a person's own goals, and whatever a feature
    /// registers next): a subject the outsider may not read is not among what they may read, they are not in its
    /// audience, and no notification about it reaches them, by the notifier or through the API; its owner is, so the
    /// check can fail both ways. A kind registered without a sample here fails this test.
    /// </summary>
    [Fact]
    public async Task Every_registered_subject_kind_keeps_what_an_outsider_may_not_read_from_them()
    {
        // The owner is also the reporting channel's referent: its cases and desk are read by referents only.
        var owner = await App.NewPersonAsync("Subject owner", "Europe/Paris", RoleNames.Referent);
        var outsider = await App.NewPersonAsync("Subject outsider");
        var actor = await App.NewPersonAsync("Subject actor");
        var space = await owner.CreateSpaceAsync("Négociation annuelle", SpaceVisibility.Secret);
        var post = await owner.PostAsync("Proposition salariale", space);
        var meeting = await owner.CreateEventAsync(space, "Séance de négociation");
        var decision = await DecisionAboutAsync(post, owner.Id);
        var (idea, change, irritant) = await IdeaAndIrritantAsync(owner, space.Id);
        var (broadcast, question, takedown) = await UnionSamplesAsync(space.Id, owner.Id, outsider.Id, actor.Id);
        var samples = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [IdeaSubject.Kind] = idea,
            [IdeaStatusChangeSubject.Kind] = change,
            [IrritantSubject.Kind] = irritant,
            [ModerationDecisionSubject.Kind] = decision,
            [PostSubject.Kind] = post.Id,
            [EventSubject.Kind] = meeting.Id,
            [SpaceModerationSubject.Kind] = space.Id,
            [OwnGoalsSubject.Kind] = owner.Id,
            [SurveyReminderSubject.Kind] = owner.Id,
            [ReportingDeskSubject.Kind] = ReportingDesk.Only,
            [UnionBroadcastSubject.Kind] = broadcast,
            [UnionQuestionSubject.Kind] = question,
            [UnionTakedownSubject.Kind] = takedown,
            [CompanyMessageSubject.Kind] = await CompanyMessageAsync(actor.Id, owner.Id),
            [Ruche.Core.Recognition.KudosSubject.Kind] = await KudosToTheSpaceAsync(actor.Id, space.Id),
            [WikiPageSubject.Kind] = (await owner.CreatePageAsync(space.Id, "Grille salariale", "Confidentiel")).Id,
        };
        (samples[NegotiationSubject.Kind], samples[CseMeetingSubject.Kind]) = await RecordSamplesAsync(owner.Id, actor.Id);

        await using var scope = App.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<ReportingIntake>().OpenCaseAsync("Un signalement", "other", null, CancellationToken.None);
        samples[ReportingCaseSubject.Kind] = await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<ReportingCase>().Where(c => c.Code == receipt.Code).Select(c => c.Id).SingleAsync();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var subjects = scope.ServiceProvider.GetRequiredService<SubjectKinds>();
        var kinds = scope.ServiceProvider.GetRequiredService<NotificationKinds>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        Assert.Equal(samples.Keys.Order(StringComparer.Ordinal), subjects.All.Select(k => k.Name).Order(StringComparer.Ordinal));

        var failures = new List<string>();
        foreach (var subject in subjects.All.Where(s => !PublicByDesign.Contains(s.Name)))
        {
            var id = samples[subject.Name];
            if (await subject.ReadableBy(db, outsider.Id).ContainsAsync(id) || !await subject.ReadableBy(db, owner.Id).ContainsAsync(id))
            {
                failures.Add($"{subject.Name}: the forward rule lets the outsider read it, or not its owner");
            }

            var audience = await subject.AudienceAsync(db, id, CancellationToken.None);
            if (audience.Includes(outsider.Id) || !audience.Includes(owner.Id))
            {
                failures.Add($"{subject.Name}: the reverse rule counts the outsider among its readers, or not its owner");
            }

            foreach (var kind in kinds.All.Where(k => k.Subject.Name == subject.Name))
            {
                await notifier.NotifyAsync(kind, actor.Id, [outsider.Id, owner.Id], id);
                var told = await db.Notifications.Where(n => n.Kind == kind.Name && n.SubjectKind == subject.Name && n.SubjectId == id)
                    .Select(n => n.RecipientId).ToListAsync();
                if (told.Contains(outsider.Id) || !told.Contains(owner.Id))
                {
                    failures.Add($"{kind.Name}: the notifier told the outsider, or not the owner");
                }
            }
        }

        Assert.Empty(await outsider.NotificationsAsync());
        Assert.NotEmpty(await owner.NotificationsAsync());

        // A kind public by design has no outsider: everyone reads it, is in its audience and may be told of it.
        foreach (var subject in subjects.All.Where(s => PublicByDesign.Contains(s.Name)))
        {
            var id = samples[subject.Name];
            var audience = await subject.AudienceAsync(db, id, CancellationToken.None);
            if (!await subject.ReadableBy(db, outsider.Id).ContainsAsync(id) || !audience.Includes(outsider.Id))
            {
                failures.Add($"{subject.Name}: public by design, yet someone may not read it");
            }
        }

        Assert.Empty(failures);
        TestContext.Current.TestOutputHelper?.WriteLine($"Subjects: {subjects.All.Count} kinds and {kinds.All.Count} notification kinds kept from an outsider on {App.ProviderName}.");
    }

    /// <summary>Kinds everyone reads by design (irritants: what is private is who reported them, never stored when anonymous).</summary>
    private static readonly HashSet<string> PublicByDesign = [IrritantSubject.Kind];

    /// <summary>Thanks to the owner's secret space as a team.</summary>
    private async Task<long> KudosToTheSpaceAsync(long giverId, long spaceId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var value = new Ruche.Core.Recognition.CompanyValue { LabelFr = $"Valeur {Guid.NewGuid():N}", LabelEn = $"Value {Guid.NewGuid():N}", CreatedAt = now };
        var kudos = new Ruche.Core.Recognition.Kudos { GiverId = giverId, SpaceId = spaceId, Value = value, Message = "Merci", CreatedAt = now };
        db.Add(kudos);
        await db.SaveChangesAsync();
        return kudos.Id;
    }

    /// <summary>An idea in the owner's secret space with a status change, and a public irritant.</summary>
    private async Task<(long Idea, long Change, long Irritant)> IdeaAndIrritantAsync(Actor owner, long spaceId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var idea = new Idea { SpaceId = spaceId, AuthorId = owner.Id, Title = "Prime d'intéressement", Description = "x", DescriptionHtml = "<p>x</p>", CreatedAt = now };
        db.Add(idea);
        var irritant = new Irritant { Id = IrritantRules.NewId(), Category = "other", Description = "Imprimante", ReportedOn = DateOnly.FromDateTime(now), DueOn = DateOnly.FromDateTime(now) };
        db.Add(irritant);
        await db.SaveChangesAsync();
        var change = new IdeaStatusChange { IdeaId = idea.Id, From = IdeaStatus.New, To = IdeaStatus.Accepted, Reason = "Budget voté", At = now };
        db.Add(change);
        await db.SaveChangesAsync();
        return (idea.Id, change.Id, irritant.Id);
    }

    /// <summary>
    /// A union the owner is the delegate of: a broadcast the outsider refused (they refused the union's broadcasts), a
    /// question the actor asked it (read by the actor and the delegates, never by anyone else) and a takedown of its content.
    /// </summary>
    private async Task<(long Broadcast, long Question, long Takedown)> UnionSamplesAsync(long spaceId, long ownerId, long outsiderId, long askerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var union = new Union
        {
            Name = $"Union {Guid.NewGuid():N}",
            SpaceId = spaceId,
            CreatedAt = now,
            Delegates = [new UnionMandate { PersonId = ownerId }],
            Choices = [new BroadcastChoice { PersonId = outsiderId, Accepts = false, ChangedAt = now }],
        };
        db.Add(union);
        await db.SaveChangesAsync();
        var broadcast = new UnionBroadcast { UnionId = union.Id, AuthorId = ownerId, Title = "Tract", Body = "Tract", BodyHtml = "<p>Tract</p>", SentAt = now };
        var question = new UnionQuestion { UnionId = union.Id, AskerId = askerId, SealedBody = [1, 2, 3], AskedAt = now, LastMessageAt = now };
        var takedown = new UnionTakedown { UnionId = union.Id, Reason = "Propos diffamatoires", LegalBasis = "Loi du 29 juillet 1881", DecidedAt = now };
        db.AddRange(broadcast, question, takedown);
        await db.SaveChangesAsync();
        return (broadcast.Id, question.Id, takedown.Id);
    }

    /// <summary>A negotiation record in draft whose only party is the owner, and a CSE meeting whose minutes (draft) the owner writes as secretary.</summary>
    private async Task<(long Record, long Meeting)> RecordSamplesAsync(long ownerId, long presidentId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var record = new NegotiationRecord
        {
            Title = "Accord salarial", Subject = "NAO", Text = "x", TextHtml = "<p>x</p>", Version = 1, CreatedAt = now,
            Parties = [new NegotiationParty { PersonId = ownerId }],
        };
        var cse = new CseBody { Name = "CSE", PresidentId = presidentId, SecretaryId = ownerId, CreatedAt = now };
        db.AddRange(record, cse);
        await db.SaveChangesAsync();
        var meeting = new CseMeeting { CseId = cse.Id, Title = "Réunion", HeldAt = now, DeadlineAt = now.AddDays(15) };
        db.Add(meeting);
        await db.SaveChangesAsync();
        return (record.Id, meeting.Id);
    }

    /// <summary>A company message the actor sent to the owner alone.</summary>
    private async Task<long> CompanyMessageAsync(long senderId, long recipientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var message = new CompanyMessage
        {
            AuthorId = senderId,
            Title = "Entretien annuel",
            Body = "x",
            BodyHtml = "<p>x</p>",
            SentAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            Recipients = 1,
            Deliveries = [new MessageDelivery { PersonId = recipientId }],
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>A moderator's decision to hide the owner's post, as the moderation service writes it.</summary>
    private async Task<long> DecisionAboutAsync(Ruche.Core.Feeds.PostCard post, long authorId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var decision = new ModerationDecision
        {
            Content = ReportedContent.Post,
            ContentId = post.Id,
            PostId = post.Id,
            SpaceId = post.Space?.Id,
            AuthorId = authorId,
            Action = ModerationAction.Hide,
            Reason = "Hors charte",
            DecidedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        db.Add(decision);
        await db.SaveChangesAsync();
        return decision.Id;
    }

    /// <summary>What an intruder could have changed: the space's members, the post's text, comments and reactions, the event.</summary>
    private static async Task<string> StateAsync(Actor owner, Ruche.Core.Spaces.SpaceSummary space, Ruche.Core.Feeds.PostCard post, long eventId)
    {
        var meeting = await owner.Http.GetStringAsync($"/api/v1/events/{eventId}");
        var feed = await owner.SpaceFeedAsync(space);
        var card = await owner.GetPostAsync(post.Id);
        var members = await owner.Http.GetStringAsync($"/api/v1/spaces/{space.Id}/members");
        return $"{meeting}|{feed.Items.Count}|{feed.Pinned.Count}|{card.Body}|{card.CommentCount}|{string.Join(',', card.Reactions.Select(r => $"{r.Kind}:{r.Count}"))}|{members}";
    }

    private async Task<HttpClient> TokenClientAsync(Actor person, params string[] scopes)
    {
        var created = await Actor.ReadAsync<Ruche.Core.Access.IssuedToken>(
            await person.Http.PostAsync("/api/v1/me/tokens", System.Net.Http.Json.JsonContent.Create(new { name = string.Join('+', scopes), scopes })), HttpStatusCode.Created);
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);
        return client;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Endpoint endpoint, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("""{"email":"someone@test.ruche","roles":[],"open":true}""", Encoding.UTF8, "application/json");
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    private List<Endpoint> Endpoints()
    {
        App.RequireAvailable();
        var sources = App.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Endpoint(
                method,
                "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                SampleUrl(e.RoutePattern),
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true,
                e.Metadata.GetMetadata<IDisableCookieRedirectMetadata>() is not null && e.Metadata.GetMetadata<IAllowCookieRedirectMetadata>() is null)))
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Static files (fingerprinted assets, the framework script) are public by nature.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || (endpoint.RoutePattern.RawText ?? string.Empty).StartsWith("_framework", StringComparison.Ordinal)
        || (endpoint.RoutePattern.RawText ?? string.Empty).StartsWith("/_framework", StringComparison.Ordinal)
        || (endpoint.RoutePattern.RawText ?? string.Empty).Contains("{**path", StringComparison.Ordinal);

    /// <summary>A concrete address for a pattern: ids become 1, guids a fixed guid, other values "x".</summary>
    private static string SampleUrl(RoutePattern pattern)
    {
        var raw = "/" + (pattern.RawText ?? string.Empty).TrimStart('/');
        return Parameter().Replace(raw, match =>
        {
            var constraint = match.Groups["constraint"].Value;
            return constraint switch
            {
                "long" or "int" => "1",
                "guid" => "0196a000-0000-7000-8000-000000000001",
                _ when match.Groups["name"].Value == "documentName" => "v1",
                _ => "x",
            };
        });
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}")]
    private static partial Regex Parameter();

    private sealed record Endpoint(string Method, string Route, bool AllowsAnonymous, string SampleUrl, bool TakesMultipart, bool AnswersJson)
    {
        public string Key => $"{Method} {Route}";

        public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

        /// <summary>The live hub answers 401 like the API: scripts connect to it, nobody browses it.</summary>
        public bool IsHub => Route == "/hub" || Route.StartsWith("/hub/", StringComparison.Ordinal);

        /// <summary>SCIM provisioning answers 401 (a SCIM error) without the directory's token.</summary>
        public bool IsScim => Route.StartsWith("/scim/", StringComparison.Ordinal);

        /// <summary>
        /// A page's script posts here and reads JSON back (push subscription): ASP.NET Core 10 answers such endpoints 401,
        /// not a redirect to the sign-in page a script cannot follow. Only under /ui, where the page's own scripts call.
        /// </summary>
        public bool AnswersScripts => AnswersJson && Route.StartsWith("/ui/", StringComparison.Ordinal);
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
