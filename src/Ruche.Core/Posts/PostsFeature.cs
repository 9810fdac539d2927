using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Files;
using Ruche.Core.Influence;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;
using Ruche.Core.Search;
using Ruche.Core.Subjects;

namespace Ruche.Core.Posts;

public static class PostsFeature
{
    /// <summary>Posts, comments and reactions: their services and live messages, the post subject and its notification kinds, search sources and disclosure.</summary>
    public static IServiceCollection AddPosts(this IServiceCollection services)
    {
        services.AddScoped<PostService>();
        services.AddScoped<CommentService>();
        services.AddScoped<ReactionService>();
        services.AddScoped<LiveEvents>();
        services.AddSingleton<IFileAttachments, PostImageAttachments>();
        services.AddSingleton<IFileAttachments, PostDocumentAttachments>();
        services.AddSubject(PostSubject.Instance);
        services.AddNotificationKinds(PostNotifications.All);
        services.AddSingleton<ISearchSource, PostSearchSource>();
        services.AddSingleton<ISearchSource, CommentSearchSource>();
        services.AddScoped<IDisclosureSource, PostsDisclosure>();
        services.AddScoped<IPersonalDataSource, PostsPersonalData>();
        services.AddInteractionSource<ReactionInteractions>().AddInteractionSource<PostsActsAreAbout>().AddInteractionSource<CommentInteractions>().AddInteractionSource<ReplyInteractions>()
            .AddInteractionSource<MentionInteractions>().AddInteractionSource<ShareInteractions>().AddInteractionSource<PostTopics>();
        return services;
    }
}
