using FashionListing.Web.Studies;

namespace FashionListing.Tests.Web.Studies;

public sealed class FieldEditCounterTests
{
    [Fact]
    public void Changed_KeystrokesOnOneFieldInARow_CountAsOneEdit()
    {
        var counter = new FieldEditCounter();

        counter.Changed("Title");
        counter.Changed("Title");
        counter.Changed("Title");

        Assert.Equal(new Dictionary<string, int> { ["Title"] = 1 }, counter.Counts);
    }

    [Fact]
    public void Changed_BackToAFieldAfterAnother_CountsASecondEdit()
    {
        var counter = new FieldEditCounter();

        counter.Changed("Title");
        counter.Changed("Price");
        counter.Changed("Title");
        counter.Changed("Title");

        Assert.Equal(new Dictionary<string, int> { ["Title"] = 2, ["Price"] = 1 }, counter.Counts);
    }
}
