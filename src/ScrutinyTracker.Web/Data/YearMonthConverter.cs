using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data;

/// <summary>Stores a month as the date of its first day, which sorts and compares on every provider.</summary>
public sealed class YearMonthConverter() : ValueConverter<YearMonth, DateOnly>(
    month => month.FirstDay,
    date => new YearMonth(date.Year, date.Month));
