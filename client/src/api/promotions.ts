import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Promotion } from "@shared/promotion";
import { apiGet } from "./http";
import { queryKeys } from "./query-keys";

const promotionQueries = {
  list: () => queryOptions({ queryKey: queryKeys.promotions, queryFn: () => apiGet<Promotion[]>("/promotions") }),
};

export const usePromotions = () => useQuery(promotionQueries.list());
