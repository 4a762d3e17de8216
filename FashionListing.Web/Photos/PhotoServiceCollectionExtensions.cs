using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Photos;

public static class PhotoServiceCollectionExtensions
{
    /// <summary>Registers the photo store; the upload limit is the inference library's <c>PhotoLimits</c>.</summary>
    public static IServiceCollection AddPhotoStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton<PhotoStore>();
        services.TryAddSingleton<FashionListing.Web.Listings.PhotoIntake>();

        return services;
    }

    /// <summary>Maps <c>GET /photos/{id}</c>, which serves a stored photo as JPEG.</summary>
    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/photos/{id}", GetPhoto).WithName("GetPhoto");

        return endpoints;
    }

    public static string PhotoUrl(Guid id) => "/photos/" + id.ToString("D");

    private static IResult GetPhoto(string id, PhotoStore store, HttpContext context)
    {
        if (!PhotoStore.TryParseId(id, out Guid photoId))
        {
            return Results.NotFound();
        }

        Stream? photo = store.OpenRead(photoId);
        if (photo is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(photo, "image/jpeg");
    }
}
