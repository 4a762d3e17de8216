using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FashionListing.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the web host (which would
/// load the models); the connection string is never opened when migrations are generated.
/// </summary>
public sealed class ListingDbContextDesignFactory : IDesignTimeDbContextFactory<ListingDbContext>
{
    public ListingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ListingDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;

        return new ListingDbContext(options, TimeProvider.System);
    }
}
