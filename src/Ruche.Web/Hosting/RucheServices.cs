using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Ruche.Core.Access;
using Ruche.Core.Audit;
using Ruche.Core.Ballots;
using Ruche.Core.Bdese;
using Ruche.Core.Communication;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Events;
using Ruche.Core.Ideas;
using Ruche.Core.Recognition;
using Ruche.Core.Influence;
using Ruche.Core.Irritants;
using Ruche.Core.Library;
using Ruche.Core.Feeds;
using Ruche.Core.Files;
using Ruche.Core.Follows;
using Ruche.Core.Home;
using Ruche.Core.Onboarding;
using Ruche.Core.Goals;
using Ruche.Core.Moderation;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.PersonalData;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Core.Presence;
using Ruche.Core.Privacy;
using Ruche.Core.Profiles;
using Ruche.Core.Push;
using Ruche.Core.Records;
using Ruche.Core.Reporting;
using Ruche.Core.Search;
using Ruche.Core.Sealing;
using Ruche.Core.WorkTime;
using Ruche.Core.Spaces;
using Ruche.Core.Targeting;
using Ruche.Core.Surveys;
using Ruche.Web.Auth;
using Ruche.Web.Files;
using Ruche.Web.Live;
using Ruche.Web.Localization;
using Ruche.Web.Push;
using Ruche.Web.Wiki;

namespace Ruche.Web.Hosting;

/// <summary>Every service Ruche uses, registered explicitly (no scanning), feature by feature.</summary>
public static class RucheServices
{
    public const string ApiPolicy = "Api";

    /// <summary>Signed-in pages and API clients alike: a bearer token when one is sent, else the sign-in cookie.</summary>
    public const string FilesPolicy = "Files";

    /// <summary>The live hub: pages connect with their cookie, API clients with a bearer token.</summary>
    public const string LivePolicy = "Live";

    private const string BearerOrCookieScheme = "BearerOrCookie";

    public static WebApplicationBuilder AddRuche(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(RucheOptions.Section).Get<RucheOptions>() ?? new RucheOptions();
        services.Configure<RucheOptions>(builder.Configuration.GetSection(RucheOptions.Section));
        services.Configure<ReportingSettings>(builder.Configuration.GetSection("Ruche:Reporting"));

        services.AddSingleton(TimeProvider.System);
        services.AddRucheDatabase(builder.Configuration, options);
        services.AddRucheFileStore(builder.Configuration, options.FilesDirFullPath);
        AddDataProtection(services, options);
        AddIdentity(services, builder.Configuration);
        builder.AddWebPush(options);
        AddFeatures(services, options);
        services.AddSingleton(new IrritantSettings(builder.Configuration.GetValue("Ruche:Irritants:ResponseTargetWorkingDays", 10)));
        services.AddSingleton(new EventSettings(builder.Configuration["Ruche:Events:VideoLinkTemplate"], options.PublicUrl));
        if (string.IsNullOrEmpty(options.Smtp.Host))
        {
            services.AddSingleton<IMailSender, Notifications.FolderMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, Notifications.SmtpMailSender>();
        }
        services.AddRucheLive(builder.Configuration, options.Cluster);
        services.AddSingleton(ReadSealingKey(options));
        services.AddSingleton<Sealer>();

        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddScoped<Components.CurrentViewer>();
        services.AddLocalization();
        services.AddSingleton<IStringLocalizer<Ui>, UiTexts>();
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            string[] cultures = ["fr", "en"];
            localization.SetDefaultCulture("fr").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);

            // French unless the person chose English: their choice is kept in a cookie set at sign-in and in settings.
            localization.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
        });

        services.AddRucheRateLimits(builder.Configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<RucheExceptionHandler>();

        // Outside Development, minimal APIs answer a malformed body with a bare 400 instead of throwing; throwing
        // lets RucheExceptionHandler answer with the stable "request.malformed" problem type clients branch on.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.MaxDepth = 32;
        });
        services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<BearerSecurityTransformer>()
            .AddOperationTransformer<ProblemResponsesTransformer>()
            .AddOperationTransformer<ParameterLimitsTransformer>()
            .AddSchemaTransformer<NullableEnumTransformer>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.HealthTag])
            .AddCheck<ReadinessHealthCheck>("ready", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Keys live with the data so sign-in cookies survive a restart: in the data folder on one machine, in the
    /// database with several nodes, so a cookie or form token made by one node is read by every other.
    /// </summary>
    private static void AddDataProtection(IServiceCollection services, RucheOptions options)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("Ruche");
        if (options.Cluster)
        {
            dataProtection.PersistKeysToDbContext<RucheDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirFullPath, "keys")));
        }
    }

    private static SealingKey ReadSealingKey(RucheOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SealingKey))
        {
            return SealingKey.FromBase64(options.SealingKey);
        }
        return options.Cluster
            ? throw new InvalidOperationException("Ruche:SealingKey is required when several nodes run (Ruche:Cluster): the same 32 bytes in base64 on every node, e.g. `openssl rand -base64 32`.")
            : SealingKey.FromFile(Path.Combine(options.DataDirFullPath, "sealing.key"));
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<Person, Microsoft.AspNetCore.Identity.IdentityRole<long>>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 8;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
                identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<RucheDbContext>()
            .AddDefaultTokenProviders();

        // Sessions re-check the person's security stamp every minute, so "sign out everywhere", a role change
        // or a deactivation reaches every open session within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/login";
            cookie.Cookie.Name = "ruche";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        });

        services.AddSingleton<PasswordDecoy>();
        services.AddSingleton<IAuthorizationHandler, TokenScopeHandler>();
        services.AddRuchePasskeys(configuration);
        services.AddSingleSignOn(configuration);
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Scim.ScimAuthenticationHandler>(Scim.ScimAuthenticationHandler.SchemeName, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Reporting.NoSignInHandler>(Reporting.PublicChannel.SchemeName, null)
            .AddPolicyScheme(BearerOrCookieScheme, null, scheme => scheme.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddPolicyScheme(ProgramClients.ByPathScheme, null, scheme => scheme.ForwardDefaultSelector = ProgramClients.SchemeFor);

        // Identity made the cookie the default: the fallback policy (every endpoint without its own, and every request
        // matching none) then sent API and SCIM clients to the sign-in page. The default now follows the path.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(authentication =>
        {
            authentication.DefaultAuthenticateScheme = ProgramClients.ByPathScheme;
            authentication.DefaultChallengeScheme = ProgramClients.ByPathScheme;
            authentication.DefaultForbidScheme = ProgramClients.ByPathScheme;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().AddRequirements(new TokenScopeRequirement()))
            .AddPolicy(FilesPolicy, policy => policy.AddAuthenticationSchemes(BearerOrCookieScheme).RequireAuthenticatedUser().AddRequirements(new TokenScopeRequirement()))
            .AddPolicy(Scim.ScimAuthenticationHandler.Policy, policy => policy.AddAuthenticationSchemes(Scim.ScimAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            // The live channel only tells what the reader may read: a token needs its read scope, whatever the HTTP method
            // of the transport (negotiation is a POST).
            .AddPolicy(LivePolicy, policy => policy.AddAuthenticationSchemes(BearerOrCookieScheme).RequireAuthenticatedUser()
                .RequireAssertion(context => TokenScopeHandler.Granted(context.User) is not { } granted || granted.HasFlag(Core.Access.TokenScopes.Read)));
    }

    /// <summary>
    /// Each feature registers all its parts (services, subject kinds, notification kinds, search sources, disclosures)
    /// through its own <c>Add…()</c> in Core; the host adds only what runs in it (workers, mail, the digest's texts).
    /// Search facets and notification kinds come in the order their features are listed here.
    /// </summary>
    private static void AddFeatures(IServiceCollection services, RucheOptions options)
    {
        services
            .AddContent()
            .AddAudit()
            .AddAccess()
            .AddPrivacy()
            .AddFiles()
            .AddFollows()
            .AddFeeds()
            .AddNotifications()
            .AddPush()
            .AddPosts()
            .AddSpaces()
            .AddProfiles()
            .AddWorkTime()
            .AddGoals()
            .AddEvents()
            .AddPresence()
            .AddModeration()
            .AddIdeas()
            .AddRecognition()
            .AddLibrary()
            .AddIrritants()
            .AddBallots()
            .AddReporting()
            .AddTargeting()
            .AddDialogue()
            .AddRecords()
            .AddCommunication()
            .AddPolls()
            .AddSurveys()
            .AddBdese()
            .AddWikiPages()
            .AddOnboarding()
            .AddHome()
            .AddInfluence()
            .AddSearch();
        services.AddHostedService<Privacy.RetentionWorker>();
        services.AddHostedService<Reporting.ReportingWorker>();
        services.AddSingleton<Reporting.FollowAttempts>();
        services.AddScoped<IDigestWriter, Notifications.DigestWriter>();
        services.AddScoped<Admin.InvitationMails>();
        services.AddScoped<IWeeklyRecapWriter, Goals.WeeklyRecapWriter>();
        services.AddHostedService<Notifications.DigestWorker>();
        services.AddHostedService<Notifications.QuietHoursWorker>();
        services.AddHostedService<Polls.PollClosingWorker>();
        services.AddHostedService<Records.MinutesReminderWorker>();
        services.AddHostedService<Surveys.SurveyReminderWorker>();
        services.AddHostedService<Recognition.BadgeWorker>();
        services.AddHostedService<Influence.InfluenceWorker>();
        if (options.GoalsScheduler)
        {
            services.AddHostedService<Goals.GoalReminderWorker>();
        }
    }
}
