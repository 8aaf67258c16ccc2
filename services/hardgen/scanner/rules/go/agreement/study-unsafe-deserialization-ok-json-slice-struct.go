// hardgen-expect: none
// hardgen-near-miss: go/study/unsafe-deserialization
package main

import (
	"encoding/json"
	"log"
	"net/http"
)

type item struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
}

func total(w http.ResponseWriter, r *http.Request) {
	var items []item
	if err := json.NewDecoder(r.Body).Decode(&items); err != nil {
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	sum := 0.0
	for _, it := range items {
		sum += it.Price
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]float64{"total": sum})
}

func main() {
	http.HandleFunc("/total", total)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
