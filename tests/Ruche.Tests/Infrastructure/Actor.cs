using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Profiles;
using Ruche.Core.Spaces;
using Ruche.Web.Feeds;
using Ruche.Web.Hosting;
using Ruche.Web.Posts;

namespace Ruche.Tests.Infrastructure;

/// <summary>A person using Ruche through its API, so tests read as what people do.</summary>
public sealed class Actor(RucheApp app, long id, string handle, string email, string name, HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public long Id => id;

    public string Handle => handle;

    public string Email => email;

    public string Name => name;

    public HttpClient Http => http;

    public RucheApp App => app;

    /// <summary>Opens this person's live connection, to the app or to another node of it.</summary>
    public Task<LiveClient> ConnectLiveAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? node = null) =>
        LiveClient.ConnectAsync(node ?? app, http.DefaultRequestHeaders.Authorization?.Parameter);

    public async Task RemoveFromSpaceAsync(SpaceSummary space, Actor person) =>
        await ExpectAsync(await http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{person.Id}"), HttpStatusCode.NoContent);

    public async Task LeaveAsync(SpaceSummary space) =>
        await ExpectAsync(await http.DeleteAsync($"/api/v1/spaces/{space.Id}/membership"), HttpStatusCode.NoContent);

    public async Task FollowSpaceAsync(SpaceSummary space) =>
        await ExpectAsync(await http.PutAsync($"/api/v1/spaces/{space.Id}/follow", null), HttpStatusCode.NoContent);

    public async Task<PostCard> PostAsync(string body, SpaceSummary? space = null, IReadOnlyList<Guid>? images = null)
    {
        var response = await http.PostAsJsonAsync("/api/v1/posts", new { body, spaceId = space?.Id, imageIds = images }, Json);
        return await ReadAsync<PostCard>(response, HttpStatusCode.Created);
    }

    public async Task<PostCard> ShareAsync(PostCard post, string body, SpaceSummary? space = null)
    {
        var response = await http.PostAsJsonAsync("/api/v1/posts", new { body, spaceId = space?.Id, sharePostId = post.Id }, Json);
        return await ReadAsync<PostCard>(response, HttpStatusCode.Created);
    }

    /// <summary>Uploads a file as a browser would (multipart field "file"); the response is left to the caller.</summary>
    public async Task<HttpResponseMessage> SendFileAsync(byte[] content, string fileName, string contentType = "image/png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new(contentType);
        form.Add(file, "file", fileName);
        return await http.PostAsync("/api/v1/files", form);
    }

    public async Task<UploadedFile> UploadImageAsync(byte[] content, string fileName = "image.png") =>
        await ReadAsync<UploadedFile>(await SendFileAsync(content, fileName), HttpStatusCode.Created);

    public async Task<SpaceSummary> CreateSpaceAsync(string name, SpaceVisibility visibility = SpaceVisibility.Open, SpaceKind kind = SpaceKind.Team)
    {
        var response = await http.PostAsJsonAsync("/api/v1/spaces", new { name, kind, visibility }, Json);
        return await ReadAsync<SpaceSummary>(response, HttpStatusCode.Created);
    }

    public async Task AddToSpaceAsync(SpaceSummary space, Actor person) =>
        await ExpectAsync(await http.PutAsync($"/api/v1/spaces/{space.Id}/members/{person.Id}", null), HttpStatusCode.NoContent);

    public async Task<MembershipStatus> JoinAsync(SpaceSummary space)
    {
        var response = await http.PostAsync($"/api/v1/spaces/{space.Id}/join", null);
        return (await ReadAsync<Web.Spaces.MembershipResult>(response, HttpStatusCode.OK)).Status;
    }

    public async Task FollowAsync(Actor person) =>
        await ExpectAsync(await http.PutAsync($"/api/v1/people/{person.Id}/follow", null), HttpStatusCode.NoContent);

    public async Task FollowTagAsync(string tag) =>
        await ExpectAsync(await http.PutAsync($"/api/v1/tags/{Uri.EscapeDataString(tag)}/follow", null), HttpStatusCode.NoContent);

    public async Task<CommentView> CommentAsync(PostCard post, string body, long? replyTo = null)
    {
        var response = await http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body, replyTo }, Json);
        return await ReadAsync<CommentView>(response, HttpStatusCode.Created);
    }

    public async Task ReactAsync(PostCard post, string kind) =>
        await ExpectAsync(await http.PutAsync($"/api/v1/posts/{post.Id}/reactions/{kind}", null), HttpStatusCode.NoContent);

    public Task<PageDto<PostCard>> HomeAsync(string? cursor = null, int? pageSize = null) => FeedAsync("/api/v1/feeds/home", cursor, pageSize);

    public Task<PageDto<PostCard>> CompanyAsync(string? cursor = null, int? pageSize = null) => FeedAsync("/api/v1/feeds/company", cursor, pageSize);

    public Task<PageDto<PostCard>> TagFeedAsync(string tag) => FeedAsync($"/api/v1/tags/{Uri.EscapeDataString(tag)}/feed", null, null);

    public Task<PageDto<PostCard>> ProfileFeedAsync(Actor person) => FeedAsync($"/api/v1/people/{person.Id}/feed", null, null);

    public Task<PageDto<PostCard>> AllPostsAsync() => FeedAsync("/api/v1/posts", null, null);

    public async Task<SpaceFeedDto> SpaceFeedAsync(SpaceSummary space) =>
        await ReadAsync<SpaceFeedDto>(await http.GetAsync($"/api/v1/spaces/{space.Id}/feed"), HttpStatusCode.OK);

    public async Task<PostCard> GetPostAsync(long postId) =>
        await ReadAsync<PostCard>(await http.GetAsync($"/api/v1/posts/{postId}"), HttpStatusCode.OK);

    public async Task<Profile> ProfileAsync(Actor person) =>
        await ReadAsync<Profile>(await http.GetAsync($"/api/v1/people/{person.Id}"), HttpStatusCode.OK);

    /// <summary>Searches through the API; <paramref name="filters"/> is more of the query string, e.g. "&amp;type=post".</summary>
    public Task<Core.Search.SearchResults> SearchAsync(string query, string filters = "") =>
        GetAsync<Core.Search.SearchResults>($"/api/v1/search?q={Uri.EscapeDataString(query)}{filters}");

    public async Task<T> GetAsync<T>(string url) => await ReadAsync<T>(await http.GetAsync(url), HttpStatusCode.OK);

    private async Task<PageDto<PostCard>> FeedAsync(string url, string? cursor, int? pageSize)
    {
        var query = new List<string>();
        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        if (pageSize is not null)
        {
            query.Add("pageSize=" + pageSize);
        }

        var full = query.Count == 0 ? url : url + "?" + string.Join('&', query);
        return await ReadAsync<PageDto<PostCard>>(await http.GetAsync(full), HttpStatusCode.OK);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            var serverErrors = (int)response.StatusCode >= 500
                ? "\nLast errors the servers logged:\n" + string.Join("\n---\n", ServerErrors.Latest(3))
                : "";
            // An HTML error page's shell says nothing; its error section says what failed.
            var errorSection = body.IndexOf("class=\"error-page\"", StringComparison.Ordinal);
            if (errorSection > 0)
            {
                body = body[errorSection..][..Math.Min(1500, body.Length - errorSection)];
            }

            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}, expected {(int)expected}: {body}{serverErrors}");
        }
    }
}
