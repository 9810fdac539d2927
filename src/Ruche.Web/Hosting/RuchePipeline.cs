using Ruche.Web.Admin;
using Ruche.Web.Auth;
using Ruche.Web.Bdese;
using Ruche.Web.Communication;
using Ruche.Web.Design;
using Ruche.Web.Dialogue;
using Ruche.Web.Events;
using Ruche.Web.Feeds;
using Ruche.Web.Goals;
using Ruche.Web.Files;
using Ruche.Web.Live;
using Ruche.Web.Moderation;
using Ruche.Web.Ideas;
using Ruche.Web.Recognition;
using Ruche.Web.Irritants;
using Ruche.Web.Library;
using Ruche.Web.People;
using Ruche.Web.Polls;
using Ruche.Web.Posts;
using Ruche.Web.Influence;
using Ruche.Web.Presence;
using Ruche.Web.Privacy;
using Ruche.Web.Push;
using Ruche.Web.Pwa;
using Ruche.Web.Records;
using Ruche.Web.Reporting;
using Ruche.Web.Notifications;
using Ruche.Web.Onboarding;
using Ruche.Web.Scim;
using Ruche.Web.Search;
using Ruche.Web.Settings;
using Ruche.Web.Spaces;
using Ruche.Web.Surveys;
using Ruche.Web.Wiki;
using Scalar.AspNetCore;

namespace Ruche.Web.Hosting;

public static class RuchePipeline
{
    public static WebApplication UseRuche(this WebApplication app)
    {
        app.Environment.RequireWebAssets();

        // Before anything reads or logs it: the reporting channel's public routes never see the caller's address.
        app.UseNoAddressOnPublicChannel();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(app.Environment);
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            // Behind TLS (directly or through a proxy that sets X-Forwarded-Proto), browsers must stay on HTTPS.
            app.UseHsts();
        }

        // The reader's language first, so that an error page is in it too.
        app.UseRequestLocalization();
        app.UseErrorPages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseTwoFactorRequirement(TwoFactorRequirement.PolicyOf(app.Configuration));
        app.UseAntiforgery();

        app.UseServiceWorkerHeaders();
        app.MapStaticAssets().AllowAnonymous();
        app.MapPwa();
        app.MapRucheHealth();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

        var api = app.MapGroup("/api/v1").RequireAuthorization(RucheServices.ApiPolicy).RequireRateLimiting(RateLimits.ApiPolicy);
        api.MapAuthApi();
        api.MapPostsApi();
        api.MapWritingApi();
        api.MapFeedsApi();
        api.MapSpacesApi();
        api.MapPeopleApi();
        api.MapAdminApi();
        api.MapSearchApi();
        api.MapNotificationsApi();
        api.MapPushApi();
        api.MapGoalsApi();
        api.MapEventsApi();
        api.MapPresenceApi();
        api.MapModerationApi();
        api.MapIdeasApi();
        api.MapRecognitionApi();
        api.MapLibraryApi();
        api.MapIrritantsApi();
        api.MapReportingApi();
        api.MapDialogueApi();
        api.MapRecordsApi();
        api.MapCseApi();
        api.MapCommunicationApi();
        api.MapPollsApi();
        api.MapSurveysApi();
        api.MapBdeseApi();
        api.MapWikiApi();
        api.MapInfluenceApi();

        app.MapFiles();
        app.MapLibraryDownloads();
        app.MapSurveyResultsCsv();
        app.MapBdeseDownloads();
        app.MapNetworkCsv();
        app.MapKudosByValueCsv();
        app.MapCalendarEndpoints();
        app.MapPrivacy(api);
        // HTML forms: a form sent without any of its fields binds as an empty one, not as null (EmptyForms); every one
        // checks its antiforgery token, also those that read no field (FormAntiforgery).
        var forms = app.MapGroup(string.Empty).AddEndpointFilterFactory(EmptyForms.Filter).AddEndpointFilter(FormAntiforgery.Filter);
        forms.MapAccountForms();
        forms.MapPasskeyForms();
        app.MapScimApi();
        forms.MapSingleSignOn();
        forms.MapPostForms();
        forms.MapWritingForms();
        forms.MapSpaceForms();
        forms.MapPeopleForms();
        forms.MapSettingsForms();
        forms.MapThemeForms();
        forms.MapTwoFactorForms();
        forms.MapAdminForms();
        forms.MapNotificationForms();
        forms.MapPushForms();
        forms.MapGoalForms();
        forms.MapEventForms();
        forms.MapPresenceForms();
        forms.MapModerationForms();
        forms.MapIdeaForms();
        forms.MapRecognitionForms();
        forms.MapLibraryForms();
        forms.MapIrritantForms();
        forms.MapReportingForms();
        forms.MapDialogueForms();
        forms.MapRecordsForms();
        forms.MapCommunicationForms();
        forms.MapPollForms();
        forms.MapSurveyForms();
        forms.MapBdeseForms();
        forms.MapWikiForms();
        forms.MapOnboardingForms();
        forms.MapInfluenceForms();
        app.MapRucheLive();
        app.MapRazorComponents<Components.App>();
        return app;
    }
}
