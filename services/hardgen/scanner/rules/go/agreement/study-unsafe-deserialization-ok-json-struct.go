// hardgen-expect: none
// hardgen-near-miss: go/study/unsafe-deserialization
package main

import (
	"encoding/json"
	"log"
	"net/http"
)

type order struct {
	ProductID int    `json:"product_id"`
	Quantity  int    `json:"quantity"`
	Note      string `json:"note"`
}

func createOrder(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	var o order
	if err := dec.Decode(&o); err != nil {
		http.Error(w, "invalid order", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(o)
}

func main() {
	http.HandleFunc("/orders", createOrder)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
