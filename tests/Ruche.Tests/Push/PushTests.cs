using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Push;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;
using Ruche.Web.Push;

namespace Ruche.Tests.Push;

/// <summary>
/// Web Push end to end (ADR 23): the test plays the browser (its own P-256 keys and auth secret) and the push service
/// (a loopback stand-in that checks the VAPID token), and decrypts what Ruche sent.
/// </summary>
public abstract class PushTests(RucheApp app) : ProviderTests(app)
{
    private readonly PushServiceStandIn service = new();

    public override async ValueTask DisposeAsync()
    {
        await service.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_mention_sends_one_push_that_names_nobody_without_previews_and_the_author_with_them()
    {
        var reader = await NewPersonAsync("Lectrice");
        var colleague = await NewPersonAsync("Ana");
        using var device = new TestDevice(service);
        await SubscribeAsync(reader, device);

        await colleague.PostAsync($"Le budget secret du projet Hermès, @{reader.Handle}");
        Assert.Equal(1, await SendDueAsync());

        var push = Assert.Single(service.Received);
        Assert.Null(push.VapidProblem);
        Assert.Equal(device.Path, push.Path);
        Assert.Equal("aes128gcm", push.ContentEncoding);
        var payload = Payload(device.Decrypt(push.Body));
        Assert.Equal("Ruche", payload.Title);
        Assert.Equal("Ruche — nouvelle notification", payload.Body);
        Assert.Equal("/notifications", payload.Url);
        Assert.DoesNotContain("Ana", device.Decrypt(push.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("Hermès", device.Decrypt(push.Body), StringComparison.Ordinal);
        Assert.Equal(0, await SendDueAsync());

        await Actor.ExpectAsync(await reader.Http.PutAsJsonAsync("/api/v1/push/previews", new { showPreviews = true }, Actor.Json), HttpStatusCode.NoContent);
        await colleague.CommentAsync(await reader.PostAsync("Mon billet"), "Un commentaire confidentiel");
        Assert.Equal(1, await SendDueAsync());
        var preview = device.Decrypt(service.Received[^1].Body);
        Assert.Equal($"Nouveau commentaire de {colleague.Name}", Payload(preview).Body);
        Assert.DoesNotContain("confidentiel", preview, StringComparison.Ordinal);
        Assert.Equal(2, service.Received.Count);
    }

    [Fact]
    public async Task Quiet_hours_hold_the_push_until_they_end()
    {
        var sleeper = await NewPersonAsync("Dormeur", "Asia/Singapore");
        var colleague = await NewPersonAsync("Collègue");
        using var device = new TestDevice(service);
        await SubscribeAsync(sleeper, device);
        var now = TimeProvider.System.GetUtcNow();
        var local = TimeOnly.FromDateTime(Ruche.Core.People.TimeZones.ToLocal(now.UtcDateTime, "Asia/Singapore"));
        await sleeper.SetQuietHoursAsync(local.AddHours(-1), local.AddHours(1));

        await colleague.PostAsync($"Réunion demain, @{sleeper.Handle}");
        Assert.Equal(0, await SendDueAsync(now));
        Assert.Equal(0, await SendDueAsync(now.AddMinutes(50)));
        Assert.Empty(service.Received);

        Assert.Equal(1, await SendDueAsync(now.AddMinutes(70)));
        Assert.Null(Assert.Single(service.Received).VapidProblem);
    }

    [Fact]
    public async Task A_device_the_push_service_says_is_gone_is_deleted()
    {
        var reader = await NewPersonAsync("Lecteur");
        var colleague = await NewPersonAsync("Collègue");
        using var gone = new TestDevice(service);
        using var kept = new TestDevice(service);
        await SubscribeAsync(reader, gone);
        await SubscribeAsync(reader, kept);
        service.Answer(gone.Path, HttpStatusCode.Gone);

        await colleague.PostAsync($"Bonjour @{reader.Handle}");
        Assert.Equal(1, await SendDueAsync());

        Assert.Equal(2, service.Received.Count);
        var devices = (await reader.GetAsync<PushSettingsView>("/api/v1/push")).Devices;
        Assert.Single(devices);
        await using var scope = App.Services.CreateAsyncScope();
        var endpoints = await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<PushSubscription>()
            .Where(s => s.PersonId == reader.Id).Select(s => s.Endpoint).ToListAsync();
        Assert.Equal([kept.Endpoint], endpoints);
    }

    [Fact]
    public async Task A_person_neither_lists_nor_removes_anothers_devices()
    {
        var owner = await NewPersonAsync("Propriétaire");
        var stranger = await NewPersonAsync("Inconnu");
        using var device = new TestDevice(service);
        var id = await SubscribeAsync(owner, device);

        Assert.Empty((await stranger.GetAsync<PushSettingsView>("/api/v1/push")).Devices);
        await (await stranger.Http.DeleteAsync($"/api/v1/push/subscriptions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "push.device-not-found");
        Assert.Equal([id], (await owner.GetAsync<PushSettingsView>("/api/v1/push")).Devices.Select(d => d.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/push/subscriptions/{id}")).StatusCode);
        Assert.Empty((await owner.GetAsync<PushSettingsView>("/api/v1/push")).Devices);
    }

    [Fact]
    public async Task A_notification_without_a_known_actor_pushes_without_naming_anyone_even_with_previews()
    {
        var reader = await NewPersonAsync("Lectrice");
        using var device = new TestDevice(service);
        await SubscribeAsync(reader, device);
        await Actor.ExpectAsync(await reader.Http.PutAsJsonAsync("/api/v1/push/previews", new { showPreviews = true }, Actor.Json), HttpStatusCode.NoContent);
        var post = await reader.PostAsync("Mon billet");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(PostNotifications.Comment, null, [reader.Id], post.Id);
        }

        Assert.Equal(1, await SendDueAsync());
        Assert.Equal("Ruche — nouvelle notification", Payload(device.Decrypt(Assert.Single(service.Received).Body)).Body);
    }

    [Fact]
    public async Task Signing_out_everywhere_removes_every_device_and_says_to_clear_the_site()
    {
        var person = await NewPersonAsync("Nomade");
        using var phone = new TestDevice(service);
        using var laptop = new TestDevice(service);
        await SubscribeAsync(person, phone);
        await SubscribeAsync(person, laptop);

        var browser = await App.SignInWithBrowserCookiesAsync(person);
        var signedOut = await browser.SubmitFormAsync("/settings", "/ui/settings/sign-out-everywhere", new() { ["returnUrl"] = "/settings" });
        await Actor.ExpectAsync(signedOut, HttpStatusCode.Redirect);
        Assert.Equal("\"cache\", \"storage\"", string.Join(",", signedOut.Headers.GetValues("Clear-Site-Data")));

        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<PushSubscription>().AnyAsync(s => s.PersonId == person.Id));
    }

    [Fact]
    public async Task A_kind_turned_off_sends_no_push()
    {
        var reader = await NewPersonAsync("Lectrice");
        var colleague = await NewPersonAsync("Collègue");
        using var device = new TestDevice(service);
        await SubscribeAsync(reader, device);
        await reader.SetChannelAsync(PostNotifications.Mention, NotificationChannel.None);

        await colleague.PostAsync($"Coucou @{reader.Handle}");
        Assert.Equal(0, await SendDueAsync());
        Assert.Empty(service.Received);
    }

    [Fact]
    public async Task A_subscription_is_checked_before_it_is_stored()
    {
        var person = await NewPersonAsync("Prudente");
        using var device = new TestDevice(service);
        var keys = ((JsonElement)JsonSerializer.SerializeToElement(device.Subscription)).GetProperty("keys");
        var p256dh = keys.GetProperty("p256dh").GetString();
        var auth = keys.GetProperty("auth").GetString();

        await Post(new { endpoint = "http://push.example.com/abc", keys = new { p256dh, auth } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.endpoint-invalid");
        await Post(new { endpoint = "ftp://127.0.0.1/abc", keys = new { p256dh, auth } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.endpoint-invalid");

        // An endpoint is a URL the server calls: only the browsers' push services, never an internal host (SSRF).
        foreach (var inside in new[] { "https://127.0.0.1:9443/x", "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/admin", "https://[::1]/x", "https://intranet.example.com/x", "https://fcm.googleapis.com.evil.example/x", "https://fcm.googleapis.com:8443/x" })
        {
            await Post(new { endpoint = inside, keys = new { p256dh, auth } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.endpoint-invalid");
        }

        // 65 bytes that start like a key but are no point of P-256 would fail every push later: refused now.
        var notAPoint = new byte[65];
        notAPoint[0] = 0x04;
        notAPoint[1] = 0x01;
        await Post(new { endpoint = device.Endpoint, keys = new { p256dh = System.Buffers.Text.Base64Url.EncodeToString(notAPoint), auth } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.key-invalid");
        await Post(new { endpoint = device.Endpoint, keys = new { p256dh = auth, auth } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.key-invalid");
        await Post(new { endpoint = device.Endpoint, keys = new { p256dh, auth = p256dh } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.auth-invalid");
        await Post(new { endpoint = device.Endpoint, keys = new { p256dh = "%%%", auth } }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.key-invalid");
        Assert.Empty((await person.GetAsync<PushSettingsView>("/api/v1/push")).Devices);

        // The same endpoint twice is one device; the eleventh device is refused.
        await SubscribeAsync(person, device);
        await SubscribeAsync(person, device);
        var others = Enumerable.Range(0, PushRules.MaxDevicesPerPerson - 1).Select(_ => new TestDevice(service)).ToList();
        foreach (var other in others)
        {
            await SubscribeAsync(person, other);
        }

        using var extra = new TestDevice(service);
        await person.Http.PostAsJsonAsync("/api/v1/push/subscriptions", extra.Subscription, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "push.too-many-devices");
        Assert.Equal(PushRules.MaxDevicesPerPerson, (await person.GetAsync<PushSettingsView>("/api/v1/push")).Devices.Count);
        others.ForEach(o => o.Dispose());

        Task<HttpResponseMessage> Post(object body) => person.Http.PostAsJsonAsync("/api/v1/push/subscriptions", body, Actor.Json);
    }

    [Fact]
    public async Task The_export_lists_a_persons_devices_and_erasure_deletes_them()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var person = await NewPersonAsync("Partante");
        using var device = new TestDevice(service);
        await SubscribeAsync(person, device);

        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync()))
        using (var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open()))
        {
            var json = await reader.ReadToEndAsync();
            using var data = JsonDocument.Parse(json);
            var devices = data.RootElement.GetProperty("pushDevices").GetProperty("devices");
            Assert.Equal(1, devices.GetArrayLength());
            Assert.DoesNotContain(device.Endpoint, json, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/admin/people/{person.Id}?content=Pseudonymise")).StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<PushSubscription>().AnyAsync(s => s.PersonId == person.Id));
    }

    private async Task<long> SubscribeAsync(Actor person, TestDevice device)
    {
        service.ExpectedVapidKey ??= (await person.GetAsync<PushSettingsView>("/api/v1/push")).PublicKey;
        var response = await person.Http.PostAsJsonAsync("/api/v1/push/subscriptions", device.Subscription, Actor.Json);
        return (await Actor.ReadAsync<PushDeviceCreated>(response, HttpStatusCode.Created)).Id;
    }

    private async Task<int> SendDueAsync(DateTimeOffset? at = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PushDelivery>().SendDueAsync(at ?? TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    private static PushPayload Payload(string json) => JsonSerializer.Deserialize<PushPayload>(json, Actor.Json)!;
}

/// <summary>Push on: http loopback endpoints accepted (the stand-in), and the worker off so each test sends when it says.</summary>
public sealed class PushSqliteApp : SqliteApp
{
    protected override void ConfigureNode(IWebHostBuilder builder)
    {
        builder.UseSetting("Push:AllowLoopbackEndpoints", "true");
        builder.UseSetting("Push:Worker", "false");
    }
}

public sealed class PushPostgresApp : PostgresApp
{
    protected override void ConfigureNode(IWebHostBuilder builder)
    {
        builder.UseSetting("Push:AllowLoopbackEndpoints", "true");
        builder.UseSetting("Push:Worker", "false");
    }
}

public sealed class PushTestsOnSqlite(PushSqliteApp app) : PushTests(app), IClassFixture<PushSqliteApp>;

public sealed class PushTestsOnPostgres(PushPostgresApp app) : PushTests(app), IClassFixture<PushPostgresApp>;
