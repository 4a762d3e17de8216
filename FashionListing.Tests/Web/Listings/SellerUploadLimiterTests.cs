using FashionListing.Web.Listings;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FashionListing.Tests.Web.Listings;

public sealed class SellerUploadLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_LimitReached_RefusesUntilTheOldestUploadLeavesTheMinute()
    {
        SellerUploadLimiter limiter = Limiter(perMinute: 2);
        limiter.TryAcquire("ana");
        _time.Advance(TimeSpan.FromSeconds(15));
        limiter.TryAcquire("ana");
        _time.Advance(TimeSpan.FromSeconds(20));

        UploadPermit refused = limiter.TryAcquire("ana");
        _time.Advance(TimeSpan.FromSeconds(25));
        UploadPermit allowed = limiter.TryAcquire("ana");

        Assert.False(refused.IsAllowed);
        Assert.Equal(TimeSpan.FromSeconds(25), refused.RetryAfter);
        Assert.True(allowed.IsAllowed);
    }

    [Fact]
    public void TryAcquire_AnotherSellerAtTheLimit_CountsEachSellerApart()
    {
        SellerUploadLimiter limiter = Limiter(perMinute: 1);
        limiter.TryAcquire("ana");

        UploadPermit ben = limiter.TryAcquire("ben");

        Assert.True(ben.IsAllowed);
        Assert.False(limiter.TryAcquire("ana").IsAllowed);
    }

    [Fact]
    public void Return_UploadThatNeverRan_DoesNotCount()
    {
        SellerUploadLimiter limiter = Limiter(perMinute: 1);
        UploadPermit busy = limiter.TryAcquire("ana");

        limiter.Return(busy);

        Assert.True(limiter.TryAcquire("ana").IsAllowed);
    }

    [Fact]
    public void TryAcquire_SellersIdleForAMinute_AreForgotten()
    {
        SellerUploadLimiter limiter = Limiter(perMinute: 5);
        for (int i = 0; i < 100; i++)
        {
            limiter.TryAcquire("seller-" + i);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire("ana");

        Assert.Equal(1, limiter.TrackedSellers);
    }

    private SellerUploadLimiter Limiter(int perMinute) =>
        new(Options.Create(new UploadLimitOptions { MaxPerSellerPerMinute = perMinute }), _time);
}
