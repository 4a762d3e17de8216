using FashionListing.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Studies;

public static class StudyServiceCollectionExtensions
{
    /// <summary>Registers the study services (they use the listing database and the suggester).</summary>
    public static IServiceCollection AddStudies(this IServiceCollection services)
    {
        services.TryAddSingleton<StudyPhotoStore>();
        services.TryAddSingleton<StudyService>();
        services.TryAddSingleton<StudySessionService>();

        return services;
    }

    /// <summary>
    /// Maps the study endpoints: a participant's photos under their token (<c>/take/{token}/photos/{position}</c>),
    /// the shared invitation link (<c>/join/{token}</c>), and for researchers only the study photos and the CSV
    /// downloads under <c>/studies/{id}/…</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapStudyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/take/{token}/photos/{position:int}", GetParticipantPhotoAsync);
        endpoints.MapGet("/join/{sharedToken}", JoinAsync);

        var researchers = new AuthorizeAttribute { Roles = AccountRoles.Researcher };
        endpoints.MapGet("/studies/{studyId:guid}/photos/{photoId:guid}", GetStudyPhotoAsync)
            .RequireAuthorization(researchers);
        endpoints.MapGet(
                "/studies/{studyId:guid}/export/rows.csv",
                (Guid studyId, StudyService studies, HttpContext context) =>
                    CsvAsync(studyId, studies, StudyReport.RowsCsv, "rows", context))
            .RequireAuthorization(researchers);
        endpoints.MapGet(
                "/studies/{studyId:guid}/export/summary.csv",
                (Guid studyId, StudyService studies, HttpContext context) =>
                    CsvAsync(studyId, studies, StudyReport.SummaryCsv, "summary", context))
            .RequireAuthorization(researchers);

        return endpoints;
    }

    /// <summary>The download of the rows, one per participant and task (<c>rows</c>), or of the summary.</summary>
    public static string ExportUrl(Guid studyId, string which) => $"/studies/{studyId:D}/export/{which}.csv";

    public static string ParticipantUrl(string token) => "/take/" + token;

    public static string ParticipantPhotoUrl(string token, int position) =>
        "/take/" + token + "/photos/" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string SharedLinkUrl(string sharedToken) => "/join/" + sharedToken;

    public static string StudyPhotoUrl(Guid studyId, Guid photoId) =>
        $"/studies/{studyId:D}/photos/{photoId:D}";

    private static async Task<IResult> GetParticipantPhotoAsync(
        string token,
        int position,
        StudySessionService sessions,
        HttpContext context)
    {
        Stream? photo = await sessions.OpenPhotoAsync(token, position, context.RequestAborted);

        return photo is null ? Results.NotFound() : Private(context, photo);
    }

    private static async Task<IResult> GetStudyPhotoAsync(
        Guid studyId,
        Guid photoId,
        StudyService studies,
        StudyPhotoStore photos,
        HttpContext context)
    {
        Study? study = await studies.FindAsync(studyId, context.RequestAborted);
        Stream? photo = study?.Photos.Any(p => p.Id == photoId) == true ? photos.OpenRead(photoId) : null;

        return photo is null ? Results.NotFound() : Private(context, photo);
    }

    // A browser that already joined through the shared link keeps its participant in a cookie, so opening the
    // link again (a reload, a second tab) continues that session instead of counting a new participant.
    private static async Task<IResult> JoinAsync(
        string sharedToken,
        StudyService studies,
        StudySessionService sessions,
        HttpContext context)
    {
        CancellationToken cancellationToken = context.RequestAborted;
        Guid? studyId = await studies.OpenStudyOfSharedLinkAsync(sharedToken, cancellationToken);
        if (studyId is null)
        {
            return Results.NotFound();
        }

        string cookie = "fl-study-" + studyId.Value.ToString("N");
        if (context.Request.Cookies.TryGetValue(cookie, out string? known)
            && await sessions.FindAsync(known, cancellationToken) is { } session
            && session.StudyId == studyId)
        {
            return Results.Redirect(ParticipantUrl(known));
        }

        StudyParticipant? joined = await studies.JoinAsync(sharedToken, cancellationToken);
        if (joined is null)
        {
            return Results.NotFound();
        }

        context.Response.Cookies.Append(cookie, joined.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });

        return Results.Redirect(ParticipantUrl(joined.Token));
    }

    private static async Task<IResult> CsvAsync(
        Guid studyId,
        StudyService studies,
        Func<Study, string> write,
        string which,
        HttpContext context)
    {
        Study? study = await studies.FindAsync(studyId, context.RequestAborted);
        if (study is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.File(
            System.Text.Encoding.UTF8.GetBytes(write(study)),
            "text/csv; charset=utf-8",
            $"study-{study.Id:N}-{which}.csv");
    }

    private static IResult Private(HttpContext context, Stream photo)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";

        // A study photo is for the study's participants and researchers: no shared cache may keep it.
        context.Response.Headers.CacheControl = "private";
        return Results.Stream(photo, "image/jpeg");
    }
}
