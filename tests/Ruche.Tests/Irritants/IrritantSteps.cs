using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Irritants;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;
using Ruche.Web.Irritants;

namespace Ruche.Tests.Irritants;

/// <summary>Irritants, through the API.</summary>
public static class IrritantSteps
{
    public static Task<HttpResponseMessage> TryReportIrritantAsync(this Actor actor, object body) =>
        actor.Http.PostAsJsonAsync("/api/v1/irritants", body, Actor.Json);

    public static async Task<long> ReportIrritantAsync(this Actor actor, string description, long siteId, bool anonymous = false, string category = "equipment") =>
        (await Actor.ReadAsync<IrritantCreated>(await actor.TryReportIrritantAsync(new { category, description, siteId, anonymous }), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> TryMeTooAsync(this Actor actor, long id) => actor.Http.PostAsync($"/api/v1/irritants/{id}/me-too", null);

    public static async Task MeTooAsync(this Actor actor, long id) => await Actor.ExpectAsync(await actor.TryMeTooAsync(id), HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> TryAnswerAsync(this Actor actor, long id, string? status, long? ownerId, string? response) =>
        actor.Http.PutAsJsonAsync($"/api/v1/irritants/{id}/answer", new { status, ownerId, response }, Actor.Json);

    public static Task<IrritantCard> IrritantAsync(this Actor actor, long id) => actor.GetAsync<IrritantCard>($"/api/v1/irritants/{id}");

    public static Task<PageDto<IrritantCard>> IrritantsAsync(this Actor actor, string query = "") => actor.GetAsync<PageDto<IrritantCard>>($"/api/v1/irritants{query}");

    /// <summary>A site of its own for a test, so counts by site are the test's.</summary>
    public static async Task<long> NewSiteAsync(this RucheApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var site = new Site { Name = $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)], TimeZone = "Europe/Paris", CountryCode = "FR" };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    }
}
