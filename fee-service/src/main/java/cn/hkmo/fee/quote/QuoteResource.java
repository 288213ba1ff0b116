package cn.hkmo.fee.quote;

import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Anonymous quotes for what someone might apply for; an accepted application's quote is its order. */
@Path("/api/v1/fees/quotes")
public class QuoteResource {

    private final QuoteService quotes;

    public QuoteResource(QuoteService quotes) {
        this.quotes = quotes;
    }

    @POST
    @PermitAll
    @Raises({"QUOTE_EMPTY", "DUPLICATE_DESTINATION", "NO_FEE_IN_FORCE", "INVALID_VALIDITY"})
    public Quote quote(@Valid @NotNull QuoteRequest request) {
        return quotes.quote(request);
    }
}
