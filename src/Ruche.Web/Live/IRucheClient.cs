using Ruche.Core.Goals;
using Ruche.Core.Ideas;
using Ruche.Core.Notifications;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Core.Wiki;

namespace Ruche.Web.Live;

/// <summary>
/// What the live channel says to a connected person (the hub's strongly typed client): every feature's live messages,
/// each declared by its feature, and the hub's own <see cref="Listening"/>. Messages carry ids and counts only: a page
/// shows new content by reading it again through the normal, authorised reads. A feature with live messages adds its
/// interface here.
/// </summary>
public interface IRucheClient : IPostsLiveClient, IGoalsLiveClient, INotificationsLiveClient, IIdeasLiveClient, IPollsLiveClient, IWikiLiveClient
{
    /// <summary>
    /// Sent once a new connection has joined its groups: from then on it hears everything meant for its person. (The
    /// connection is open a moment before, and with a backplane, joining a group takes a round trip to Redis.)
    /// </summary>
    Task Listening();
}
