using ScrutinyTracker.Web.Features.Search;

namespace ScrutinyTracker.Tests.Features.Search;

/// <summary>What reaches each database's query language from a search box, and how SQL Server's results are marked.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Fly tipping", "\"fly\" \"tipping\"")]
    [InlineData("\"fly tipping\" wardens", "\"fly tipping\" \"wardens\"")]
    [InlineData("wardens", "\"wardens\"")]
    [InlineData("title:x NEAR(a b) OR \"c", "\"title\" \"x\" \"near\" \"a\" \"b\" \"or\" \"c\"")]
    [InlineData("quix* ^a -b (c)", "\"quix\" \"a\" \"b\" \"c\"")]
    public void Only_words_and_phrases_reach_FTS5(string typed, string fts5) =>
        SearchTerms.Parse(typed).ToFts5().ShouldBe(fts5);

    [Fact]
    public void Several_words_typed_without_quotes_are_also_a_phrase_to_rank_first()
    {
        SearchTerms.Parse("Fly  tipping!").WholePhrase.ShouldBe("\"fly tipping\"");
        SearchTerms.Parse("wardens").WholePhrase.ShouldBeNull();
        SearchTerms.Parse("\"fly tipping\" wardens").WholePhrase.ShouldBeNull("a phrase typed in quotes says what goes together");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" * () - :")]
    [InlineData(null)]
    public void Nothing_to_search_for_is_empty(string? typed) => SearchTerms.Parse(typed).IsEmpty.ShouldBeTrue();

    [Fact]
    public void SQL_Server_gets_phrases_and_inflections_of_words()
    {
        SearchTerms.Parse("\"riverside path\" trained OR").ToContains()
            .ShouldBe("\"riverside path\" AND FORMSOF(INFLECTIONAL, \"trained\") AND FORMSOF(INFLECTIONAL, \"or\")");
        SearchTerms.Parse("trained wardens").ToContains()
            .ShouldBe("\"trained wardens\" OR (FORMSOF(INFLECTIONAL, \"trained\") AND FORMSOF(INFLECTIONAL, \"wardens\"))");
    }

    [Fact]
    public void The_words_around_the_first_match_are_marked_for_SQL_Server()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}")) + " The wardens trained, and patrol. " + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"v{i}"));

        var pieces = HighlightedText.FromMarked(ContextWindow.Mark(text, SearchTerms.Parse("warden training").AllWords));

        pieces.Where(p => p.IsMatch).Select(p => p.Text).ShouldBe(["wardens", "trained,"]);
        var shown = string.Concat(pieces.Select(p => p.Text));
        shown.ShouldStartWith("…w30 ");
        shown.ShouldEndWith(" v9…");
    }

    [Fact]
    public void Marked_text_splits_into_pieces_and_stray_markers_do_no_harm()
    {
        HighlightedText.FromMarked("a \u0002b\u0003 c").ShouldBe([new("a ", false), new("b", true), new(" c", false)]);
        HighlightedText.FromMarked("\u0002open").ShouldBe([new("open", true)]);
        HighlightedText.FromMarked("x\u0003y").ShouldBe([new("x\u0003y", false)]);
    }
}
